#include "load/sqlite/sqliteconnection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace te::loader {

namespace {

QString nextConnectionName()
{
    static std::atomic<quint64> counter { 0 };
    return QStringLiteral("timing-explorer-sqlite-read-%1").arg(counter.fetch_add(1));
}

// A plain file is read where it is; anything else through a copy on disk, as
// SQLite reads files by path only.
bool needsCopy(const Input& input)
{
    return input.bytes || input.path.startsWith(u':') || input.path.startsWith(u"qrc:");
}

} // namespace

SqliteConnection::SqliteConnection(const Input& input)
    : m_name(nextConnectionName())
{
    QString path = input.path;
    if (needsCopy(input)) {
        m_copy = std::make_unique<QTemporaryFile>();
        const std::unique_ptr<QIODevice> source = input.open();
        if (!source->isOpen() || !m_copy->open() || m_copy->write(source->readAll()) < 0
            || !m_copy->flush()) {
            m_error = QStringLiteral("cannot copy the database to a temporary file: ")
                + (source->isOpen() ? m_copy->errorString() : source->errorString());
            return;
        }
        path = m_copy->fileName();
    }
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_database.setDatabaseName(path);
    m_database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!m_database.open())
        m_error = m_database.lastError().text();
}

SqliteConnection::~SqliteConnection()
{
    // Every QSqlDatabase handle on the connection must be gone before it is removed.
    if (m_database.isValid()) {
        m_database.close();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
}

bool SqliteConnection::readTableNames(QStringList& names)
{
    if (!m_error.isEmpty())
        return false;
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                   "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"))) {
        m_error = query.lastError().text();
        return false;
    }
    while (query.next())
        names.append(query.value(0).toString());
    return true;
}

} // namespace te::loader
