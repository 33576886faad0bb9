// SPDX-License-Identifier: Apache-2.0
#include "tributary/base/timestamp.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace tributary {
namespace {

// Reads exactly `width` digits at `pos`.
bool readNumber(std::string_view text, std::size_t &pos, std::size_t width, int &value)
{
    if (pos + width > text.size())
        return false;
    const char *begin = text.data() + pos;
    for (std::size_t i = 0; i < width; ++i) {
        if (begin[i] < '0' || begin[i] > '9')
            return false;
    }
    std::from_chars(begin, begin + width, value);
    pos += width;
    return true;
}

bool expect(std::string_view text, std::size_t &pos, char c)
{
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

} // namespace

Timestamp Timestamp::now()
{
    using namespace std::chrono;
    return {duration_cast<std::chrono::seconds>(system_clock::now().time_since_epoch()).count()};
}

Result<Timestamp> Timestamp::parse(std::string_view text)
{
    using namespace std::chrono;
    const auto invalid = [&](std::string_view what) {
        return fail(ErrorCode::Invalid,
                    "invalid time '" + std::string(text) + "': " + std::string(what),
                    {}, "write an ISO-8601 date or time, e.g. 2024-03-01 or 2024-03-01T12:00:00Z");
    };
    std::size_t pos = 0;
    int y = 0, mo = 0, d = 0;
    if (!readNumber(text, pos, 4, y) || !expect(text, pos, '-') || !readNumber(text, pos, 2, mo)
        || !expect(text, pos, '-') || !readNumber(text, pos, 2, d))
        return invalid("expected YYYY-MM-DD");
    const year_month_day date{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!date.ok())
        return invalid("no such date");
    const std::int64_t dayStart = duration_cast<std::chrono::seconds>(sys_days{date}.time_since_epoch()).count();
    if (pos == text.size())
        return Timestamp{dayStart + 86400 - 1};

    if (!expect(text, pos, 'T') && !expect(text, pos, 't') && !expect(text, pos, ' '))
        return invalid("expected 'T' after the date");
    int h = 0, mi = 0, s = 0;
    if (!readNumber(text, pos, 2, h) || !expect(text, pos, ':') || !readNumber(text, pos, 2, mi))
        return invalid("expected HH:MM after the date");
    if (expect(text, pos, ':') && !readNumber(text, pos, 2, s))
        return invalid("expected seconds as SS");
    if (expect(text, pos, '.') || expect(text, pos, ',')) {
        // Fractions of a second are accepted and dropped: imports are ordered by id anyway.
        const std::size_t digits = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
            ++pos;
        if (pos == digits)
            return invalid("expected digits after the decimal point");
    }
    if (h > 23 || mi > 59 || s > 60)
        return invalid("no such time of day");
    std::int64_t offset = 0;
    if (expect(text, pos, 'Z') || expect(text, pos, 'z')) {
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos] == '-' ? -1 : 1;
        ++pos;
        int oh = 0, om = 0;
        if (!readNumber(text, pos, 2, oh))
            return invalid("expected a UTC offset as +HH:MM");
        expect(text, pos, ':');
        if (pos < text.size() && !readNumber(text, pos, 2, om))
            return invalid("expected a UTC offset as +HH:MM");
        offset = sign * (oh * 3600 + om * 60);
    }
    if (pos != text.size())
        return invalid("unexpected text after the time");
    return Timestamp{dayStart + h * 3600 + mi * 60 + s - offset};
}

std::string Timestamp::toIso() const
{
    using namespace std::chrono;
    const sys_seconds point{std::chrono::seconds{seconds}};
    const sys_days dayPoint = floor<days>(point);
    const year_month_day date{dayPoint};
    const hh_mm_ss time{point - dayPoint};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(date.year()),
                  unsigned(date.month()), unsigned(date.day()), int(time.hours().count()),
                  int(time.minutes().count()), int(time.seconds().count()));
    return buffer;
}

} // namespace tributary
