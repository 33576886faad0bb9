// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace tributary::ui {

// File > Connect to a shared catalog: a PostgreSQL server by host, port, database and user, or by
// a libpq service name (pg_service.conf), with a TLS mode. The password is never written
// anywhere: ~/.pgpass or the service file supply it, or it is typed here for this session only.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    // The libpq connection string of the fields (no password in it).
    QString locator() const;
    // What was typed as password (empty: none); the caller hands it to libpq for this process
    // only.
    QString password() const;

    // The connection string for these fields: keywords with values quoted as libpq wants.
    static QString locatorFor(const QString &service, const QString &host, int port, const QString &database,
                              const QString &user, const QString &tlsMode);

private:
    QLineEdit *m_service;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QComboBox *m_tls;
    QLineEdit *m_password;
};

} // namespace tributary::ui
