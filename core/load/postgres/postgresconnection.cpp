#include "load/postgres/postgresconnection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace te::loader {

namespace {

QString nextConnectionName()
{
    static std::atomic<quint64> counter { 0 };
    return QStringLiteral("timing-explorer-postgres-read-%1").arg(counter.fetch_add(1));
}

} // namespace

PostgresConnection::PostgresConnection(const DatabaseAddress& address)
    : m_name(nextConnectionName())
{
    if (!address.open(m_database, m_name, &m_error))
        return;
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")))
        m_error = query.lastError().text();
}

PostgresConnection::~PostgresConnection()
{
    if (m_database.isValid()) {
        if (m_database.isOpen())
            QSqlQuery(m_database).exec(QStringLiteral("ROLLBACK"));
        m_database.close();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
}

bool PostgresConnection::readTableNames(QStringList& names)
{
    if (!m_error.isEmpty())
        return false;
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT table_name FROM information_schema.tables "
                                   "WHERE table_schema = current_schema() ORDER BY table_name"))) {
        m_error = query.lastError().text();
        return false;
    }
    while (query.next())
        names.append(query.value(0).toString());
    return true;
}

} // namespace te::loader
