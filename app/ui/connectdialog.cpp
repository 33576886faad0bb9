// SPDX-License-Identifier: Apache-2.0
#include "connectdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace tributary::ui {
namespace {

// A value for a libpq keyword string: single-quoted, with quotes and backslashes escaped, when
// it is empty or holds a space or a quote.
QString quoted(const QString &value)
{
    if (!value.isEmpty() && !value.contains(QLatin1Char(' ')) && !value.contains(QLatin1Char('\''))
        && !value.contains(QLatin1Char('\\')))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

QString ConnectDialog::locatorFor(const QString &service, const QString &host, int port, const QString &database,
                                  const QString &user, const QString &tlsMode)
{
    QStringList parts;
    const auto add = [&](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty())
            parts << QString::fromLatin1(key) + QLatin1Char('=') + quoted(value.trimmed());
    };
    add("service", service);
    add("host", host);
    if (!host.trimmed().isEmpty() && port > 0)
        add("port", QString::number(port));
    add("dbname", database);
    add("user", user);
    add("sslmode", tlsMode);
    add("connect_timeout", QStringLiteral("10"));
    return parts.join(QLatin1Char(' '));
}

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_service(new QLineEdit)
    , m_host(new QLineEdit)
    , m_port(new QSpinBox)
    , m_database(new QLineEdit)
    , m_user(new QLineEdit)
    , m_tls(new QComboBox)
    , m_password(new QLineEdit)
{
    setWindowTitle(tr("Connect to a shared catalog"));
    setMinimumWidth(480); // room for the placeholders, which say what each field may be
    m_service->setPlaceholderText(tr("a name from pg_service.conf (optional)"));
    m_host->setPlaceholderText(tr("db.example.com"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database->setPlaceholderText(tr("tributary"));
    m_user->setPlaceholderText(tr("your role (default: your login)"));
    for (const char *mode : {"prefer", "require", "verify-ca", "verify-full", "allow", "disable"})
        m_tls->addItem(QString::fromLatin1(mode));
    m_tls->setToolTip(tr("verify-full checks the server's certificate and name; prefer uses TLS when offered"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("from ~/.pgpass or the service when empty"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Service:"), m_service);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&TLS:"), m_tls);
    form->addRow(tr("Pass&word:"), m_password);
    auto *note = new QLabel(tr("The password is used for this session only and never saved. The catalog is "
                               "opened read-only; a role with SELECT alone is enough."));
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QString ConnectDialog::locator() const
{
    return locatorFor(m_service->text(), m_host->text(), m_port->value(), m_database->text(), m_user->text(),
                      m_tls->currentText());
}

QString ConnectDialog::password() const { return m_password->text(); }

} // namespace tributary::ui
