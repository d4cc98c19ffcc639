#pragma once

// A PostgreSQL server for the tests: the one TIMING_EXPLORER_PG_URL names (a
// maintenance database such as postgresql://postgres@127.0.0.1:PORT/postgres, as
// tools/pg_cluster.sh start exports), and a fresh database on it for each test.

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QUrl>
#include <atomic>

namespace te::test {

/// The server's maintenance address; empty when none is set.
inline QString postgresServerUrl()
{
    return qEnvironmentVariable("TIMING_EXPLORER_PG_URL");
}

/// True where a missing server is a failure, not a reason to skip: in CI (which
/// sets CI, or TIMING_EXPLORER_PG_REQUIRED as .ci/run does).
inline bool postgresRequired()
{
    return !qEnvironmentVariableIsEmpty("CI") || !qEnvironmentVariableIsEmpty("TIMING_EXPLORER_PG_REQUIRED");
}

/// Skips the test (fails it in CI) when no server is set.
#define TE_REQUIRE_POSTGRES()                                                                                \
    do {                                                                                                     \
        if (te::test::postgresServerUrl().isEmpty()) {                                                       \
            if (te::test::postgresRequired())                                                                \
                QFAIL("TIMING_EXPLORER_PG_URL is not set, and a PostgreSQL server is required here");        \
            QSKIP("no PostgreSQL server: start one with  eval \"$(tools/pg_cluster.sh start)\"  "            \
                  "(it sets TIMING_EXPLORER_PG_URL), then run the tests again");                             \
        }                                                                                                    \
    } while (false)

/// Runs `statements` on a new connection to the database at the address `url`.
/// False, with a warning naming the statement, when one fails.
inline bool execPostgres(const QString& url, const QStringList& statements)
{
    static std::atomic<int> counter { 0 };
    const QString name = QStringLiteral("test-postgres-%1").arg(++counter);
    bool ok = true;
    {
        const QUrl parsed(url);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(parsed.host());
        db.setPort(parsed.port(-1));
        db.setUserName(parsed.userName());
        db.setDatabaseName(parsed.path().mid(1));
        ok = db.open();
        if (!ok)
            qWarning("cannot connect to %s: %s", qPrintable(url), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        for (const QString& statement : statements) {
            if (ok && !query.exec(statement)) {
                qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

/// A database of its own for one test, created on the server at construction and
/// dropped (even while connected) at destruction, so that runs never interfere.
class ScratchDatabase
{
public:
    ScratchDatabase()
    {
        static std::atomic<int> counter { 0 };
        m_name = QStringLiteral("te_test_%1_%2_%3")
                     .arg(QCoreApplication::applicationPid())
                     .arg(++counter)
                     .arg(QDateTime::currentMSecsSinceEpoch());
        m_created = execPostgres(postgresServerUrl(), { QStringLiteral("CREATE DATABASE ") + m_name });
    }
    ~ScratchDatabase()
    {
        if (m_created)
            execPostgres(
                postgresServerUrl(), { QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(m_name) });
    }
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    bool isCreated() const { return m_created; }
    /// The address of this database on the server.
    QString url() const
    {
        QUrl url(postgresServerUrl());
        url.setPath(u'/' + m_name);
        return url.toString();
    }

private:
    QString m_name;
    bool m_created = false;
};

} // namespace te::test
