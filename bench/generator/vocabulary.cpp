// SPDX-License-Identifier: Apache-2.0
#include "vocabulary.h"

#include <array>
#include <vector>

namespace tributary::bench {

namespace {

constexpr std::uint8_t kDirect = kTagPiiDirect | kTagGdpr;
constexpr std::uint8_t kIndirect = kTagPiiIndirect;
constexpr std::uint8_t kIndirectGdpr = kTagPiiIndirect | kTagGdpr;

using T = ColumnType;

// The first eight are entity keys (see kEntities).
constexpr ColumnTemplate kColumns[] = {
    {"customer_id", T::String, kIndirect, "Stable identifier of the customer."},
    {"merchant_id", T::String, 0, "Identifier of the merchant."},
    {"account_id", T::String, kIndirect, "Billing account identifier."},
    {"device_id", T::String, kIndirect, "Identifier of the device that sent the event."},
    {"product_id", T::String, 0, "Catalogue identifier of the product."},
    {"store_id", T::String, 0, "Identifier of the physical or online store."},
    {"driver_id", T::String, kIndirect, "Identifier of the delivery driver."},
    {"session_id", T::String, 0, "Identifier of the browsing session."},
    {"email", T::String, kDirect, "Primary e-mail address, as entered at sign-up."},
    {"phone_number", T::String, kDirect, "Phone number in E.164 form."},
    {"full_name", T::String, kDirect, "Name as given by the person."},
    {"street_address", T::String, kDirect, "Postal street address."},
    {"date_of_birth", T::Date, kDirect, "Date of birth, when provided."},
    {"national_id", T::String, kDirect, "Government identifier collected for KYC."},
    {"postal_code", T::String, kIndirectGdpr, "Postal code of the billing address."},
    {"ip_address", T::String, kIndirectGdpr, "Client IP address at the time of the event."},
    {"latitude", T::Float64, kIndirect, "Latitude of the reported position."},
    {"longitude", T::Float64, kIndirect, "Longitude of the reported position."},
    {"user_agent", T::String, kIndirect, "Raw HTTP user agent."},
    {"gender", T::String, kIndirectGdpr, "Self-reported gender."},
    {"age_years", T::Int64, kIndirect, "Age in whole years at the event date."},
    {"city", T::String, kIndirect, "City name."},
    {"amount", T::Float64, 0, "Amount in the transaction currency."},
    {"quantity", T::Int64, 0, "Number of items."},
    {"unit_price", T::Float64, 0, "Price of one item."},
    {"discount", T::Float64, 0, "Discount applied, in currency units."},
    {"balance", T::Float64, 0, "Balance at the end of the day."},
    {"credit_limit", T::Float64, 0, "Current credit limit."},
    {"tenure_days", T::Int64, 0, "Days since the account was opened."},
    {"login_count", T::Int64, 0, "Number of logins."},
    {"page_views", T::Int64, 0, "Number of page views."},
    {"session_length", T::Float64, 0, "Session length in seconds."},
    {"items_in_cart", T::Int64, 0, "Items in the cart when the event fired."},
    {"rating", T::Float64, 0, "Rating from 1 to 5."},
    {"distance_km", T::Float64, 0, "Distance travelled in kilometres."},
    {"delivery_minutes", T::Float64, 0, "Minutes from order to delivery."},
    {"refund_amount", T::Float64, 0, "Amount refunded."},
    {"fee", T::Float64, 0, "Fee charged to the merchant."},
    {"score", T::Float64, 0, "Vendor score between 0 and 1."},
    {"country", T::String, 0, "ISO 3166 country code."},
    {"currency", T::String, 0, "ISO 4217 currency code."},
    {"channel", T::String, 0, "Acquisition or sales channel."},
    {"category", T::String, 0, "Product category."},
    {"status", T::String, 0, "Lifecycle status."},
    {"payment_method", T::String, 0, "Card, wallet, bank transfer, ..."},
    {"device_type", T::String, 0, "Phone, tablet or desktop."},
    {"os_version", T::String, 0, "Operating system and version."},
    {"plan_tier", T::String, 0, "Subscription tier."},
    {"is_fraud", T::Bool, 0, "Confirmed fraud after chargeback review."},
    {"churned", T::Bool, 0, "No activity for 60 days after the snapshot."},
    {"is_active", T::Bool, 0, "Active in the last 30 days."},
    {"is_premium", T::Bool, 0, "Holds a premium subscription."},
    {"converted", T::Bool, 0, "Completed a purchase within the session."},
    {"defaulted", T::Bool, 0, "Missed three consecutive payments."},
    {"event_ts", T::Timestamp, 0, "Event time in UTC."},
    {"created_at", T::Timestamp, 0, "Row creation time."},
    {"updated_at", T::Timestamp, 0, "Last update time."},
    {"event_date", T::Date, 0, "Partition date."},
    {"signup_date", T::Date, 0, "Date of sign-up."},
    {"last_login_at", T::Timestamp, 0, "Time of the last successful login."},
};

constexpr EntityTemplate kEntities[] = {
    {"customer", 0, "A person who holds an account and buys from merchants."},
    {"merchant", 1, "A business that sells through the marketplace."},
    {"account", 2, "A billing account; a customer may hold several."},
    {"device", 3, "A phone, tablet or browser seen by the apps."},
    {"product", 4, "An item in the catalogue."},
    {"store", 5, "A physical or online storefront of a merchant."},
    {"driver", 6, "A courier delivering orders."},
    {"session", 7, "One visit to the web or mobile app."},
};

constexpr ProviderTemplate kProviders[] = {
    {"warehouse", "bigquery", SourceKind::Table, true, true},
    {"snowflake_dw", "snowflake", SourceKind::Table, true, true},
    {"app_db", "postgres", SourceKind::Table, false, true},
    {"lake", "s3", SourceKind::File, false, true},
    {"spark_cluster", "spark", SourceKind::Table, true, false},
    {"events", "kafka", SourceKind::Stream, false, true},
    {"online_store", "redis", SourceKind::Table, false, false},
};

constexpr std::string_view kDomains[] = {"payments", "orders", "crm", "marketing", "logistics",
    "web", "mobile", "risk", "billing", "support", "inventory", "identity"};
constexpr std::string_view kNouns[] = {"transactions", "events", "sessions", "orders", "profiles",
    "invoices", "shipments", "clicks", "tickets", "accounts", "devices", "reviews", "refunds",
    "signups", "subscriptions", "payouts", "searches", "carts", "notifications", "logins"};
constexpr std::string_view kCadences[] = {"daily", "weekly", "monthly", "hourly", "rolling"};
constexpr std::string_view kSubjects[] = {"spend", "activity", "engagement", "risk", "orders",
    "sessions", "payments", "deliveries", "usage", "balance", "retention", "returns"};
constexpr std::string_view kPurposes[] = {"churn", "fraud", "ltv", "propensity", "ranking",
    "credit_risk", "eta", "recommendation", "demand", "retention"};
constexpr std::string_view kTeams[] = {"growth", "risk", "payments", "marketplace", "search",
    "ml-platform", "logistics", "finance", "trust-safety", "data-eng"};
constexpr std::string_view kTags[] = {"tier:1", "tier:2", "tier:3", "experimental", "confidential",
    "certified", "realtime", "batch", "hipaa", "sox"};

constexpr std::string_view kAggregatePrefixes[]
    = {"avg_", "sum_", "max_", "min_", "count_", "p95_"};
constexpr std::string_view kAggregateFunctions[]
    = {"AVG", "SUM", "MAX", "MIN", "COUNT", "APPROX_PERCENTILE_95"};
constexpr std::string_view kMaskSuffixes[] = {"_hash", "_token", "_redacted"};
constexpr std::string_view kMaskFunctions[] = {"SHA256", "TOKENIZE", "REDACT"};
constexpr std::string_view kTransformSuffixes[]
    = {"_log", "_norm", "_bucket", "_7d", "_30d", "_ratio"};

constexpr std::string_view kFirstNames[]
    = {"alice", "bruno", "chen", "dana", "emeka", "fatima", "gus", "hana", "ivan", "jo"};
constexpr std::string_view kLastNames[] = {"nguyen", "okafor", "schmidt", "silva", "tanaka"};

} // namespace

std::string_view typeName(ColumnType type)
{
    static constexpr std::string_view names[]
        = {"string", "int64", "float64", "bool", "timestamp", "date"};
    return names[static_cast<int>(type)];
}

std::string_view sourceKindName(SourceKind kind)
{
    static constexpr std::string_view names[] = {"table", "file", "stream", "transformation"};
    return names[static_cast<int>(kind)];
}

std::span<const ColumnTemplate> columnTemplates()
{
    return kColumns;
}
std::span<const EntityTemplate> entityTemplates()
{
    return kEntities;
}
std::span<const ProviderTemplate> providerTemplates()
{
    return kProviders;
}

std::span<const std::string> owners()
{
    static const std::vector<std::string> list = [] {
        std::vector<std::string> result;
        for (std::string_view last : kLastNames) {
            for (std::string_view first : kFirstNames)
                result.push_back(std::string(first) + '.' + std::string(last) + "@acme.example");
        }
        return result;
    }();
    return list;
}

std::span<const std::string_view> domains()
{
    return kDomains;
}
std::span<const std::string_view> datasetNouns()
{
    return kNouns;
}
std::span<const std::string_view> cadences()
{
    return kCadences;
}
std::span<const std::string_view> subjects()
{
    return kSubjects;
}
std::span<const std::string_view> purposes()
{
    return kPurposes;
}
std::span<const std::string_view> teams()
{
    return kTeams;
}
std::span<const std::string_view> resourceTags()
{
    return kTags;
}
std::span<const std::string_view> aggregatePrefixes()
{
    return kAggregatePrefixes;
}
std::span<const std::string_view> aggregateFunctions()
{
    return kAggregateFunctions;
}
std::span<const std::string_view> maskSuffixes()
{
    return kMaskSuffixes;
}
std::span<const std::string_view> maskFunctions()
{
    return kMaskFunctions;
}
std::span<const std::string_view> transformSuffixes()
{
    return kTransformSuffixes;
}

} // namespace tributary::bench
