// SPDX-License-Identifier: Apache-2.0
// Test helper: a TCP relay on localhost in front of a server, that can be cut (every
// connection dropped, nothing accepted) and resumed on the same port, as a network does.
#pragma once

#include <QTcpServer>
#include <QTcpSocket>

#include <vector>

namespace tributary::ui::testing {

class TcpRelay : public QObject
{
public:
    TcpRelay(QString host, quint16 port)
        : m_host(std::move(host))
        , m_port(port)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                auto *upstream = new QTcpSocket(this);
                upstream->connectToHost(m_host, m_port);
                pipe(client, upstream);
                pipe(upstream, client);
                m_sockets.push_back(client);
                m_sockets.push_back(upstream);
            }
        });
    }
    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_listening; }
    bool start()
    {
        if (!listen(m_listening))
            return false;
        m_listening = m_server.serverPort();
        return true;
    }
    // The network goes: open connections reset, new ones refused.
    void cut()
    {
        m_server.close();
        for (QTcpSocket *socket : m_sockets) {
            socket->abort();
            socket->deleteLater();
        }
        m_sockets.clear();
    }

private:
    void pipe(QTcpSocket *from, QTcpSocket *to)
    {
        QObject::connect(from, &QTcpSocket::readyRead, to, [from, to] {
            if (to->state() == QAbstractSocket::ConnectedState)
                to->write(from->readAll());
        });
        // What arrives before the other side is connected is sent once it is.
        QObject::connect(to, &QTcpSocket::connected, from, [from, to] { to->write(from->readAll()); });
        QObject::connect(from, &QTcpSocket::disconnected, to, [to] { to->disconnectFromHost(); });
    }

    QString m_host;
    quint16 m_port;
    QTcpServer m_server;
    quint16 m_listening = 0;
    std::vector<QTcpSocket *> m_sockets;
};

} // namespace tributary::ui::testing
