#pragma once

// Builds SQLite databases for the tests with Qt SQL, and the same runs as JSON Lines.

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QTest>

namespace te::test {

/// Runs `statements` in one transaction on a new connection to the database file
/// `path` (created when missing), then closes it. False, with a warning naming the statement, when one fails.
inline bool execSql(const QString& path, const QStringList& statements)
{
    static int counter = 0;
    const QString name = QStringLiteral("test-sqlite-%1").arg(++counter);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open() && db.transaction(); // one transaction: one sync, not one a row
        QSqlQuery query(db);
        for (const QString& statement : statements) {
            if (ok && !query.exec(statement)) {
                qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
                ok = false;
            }
        }
        ok = ok && db.commit();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

/// The timing-storage document's two tables, as it gives them.
inline QStringList timingStorageSchema()
{
    return { QStringLiteral("CREATE TABLE timings (id INTEGER PRIMARY KEY, registration_id TEXT, "
                            "timestamp DATETIME, model TEXT, constellation TEXT, total_seconds REAL)"),
        QStringLiteral("CREATE TABLE phase_timings (id INTEGER PRIMARY KEY, timing_id INTEGER "
                       "REFERENCES timings(id), phase_name TEXT, total_seconds REAL, "
                       "agent_conversation_seconds REAL, file_write_seconds REAL, "
                       "capacity_update_seconds REAL)") };
}

/// 10 registrations × 2 models, with known figures: run (r, m) has
///   phase1 = 25 + 2r + 5m   (agent_conversation phase1 − 1.5, file_write 0.5, capacity_update 1)
///   phase2 = 10 + r + m + 0.25·(r mod 3)   (agent_conversation phase2 − 0.75, file_write 0.75)
///   total  = phase1 + phase2 + 0.5
/// so the median total is 49.375 for model_a and 55.375 for model_b (checked with numpy).
struct TenByTwo
{
    static constexpr int kRegistrations = 10;
    static double phase1(int r, int m) { return 25 + 2 * r + 5 * m; }
    static double phase2(int r, int m) { return 10 + r + m + 0.25 * (r % 3); }
    static double total(int r, int m) { return phase1(r, m) + phase2(r, m) + 0.5; }
    static QString model(int m) { return m == 0 ? QStringLiteral("model_a") : QStringLiteral("model_b"); }
    static QString registration(int r) { return QStringLiteral("SPUS%1").arg(55550 + r); }
    static QString timestamp(int r, int m)
    {
        return QStringLiteral("2025-01-14T10:%1:00Z").arg(r * 2 + m, 2, 10, QLatin1Char('0'));
    }

    /// The runs as JSON Lines in the document's "phases" shape.
    static QByteArray jsonl()
    {
        QByteArray out;
        for (int r = 0; r < kRegistrations; ++r) {
            for (int m = 0; m < 2; ++m) {
                out += QStringLiteral(
                    "{\"registration_id\": \"%1\", \"timestamp\": \"%2\", \"model\": \"%3\", "
                    "\"constellation\": \"p1m1m2c\", \"total_seconds\": %4, \"phases\": "
                    "{\"phase1\": {\"total\": %5, \"agent_conversation\": %6, "
                    "\"file_write\": 0.5, \"capacity_update\": 1}, "
                    "\"phase2\": {\"total\": %7, \"agent_conversation\": %8, "
                    "\"file_write\": 0.75}}}\n")
                           .arg(registration(r), timestamp(r, m), model(m))
                           .arg(total(r, m))
                           .arg(phase1(r, m))
                           .arg(phase1(r, m) - 1.5)
                           .arg(phase2(r, m))
                           .arg(phase2(r, m) - 0.75)
                           .toUtf8();
            }
        }
        return out;
    }

    /// The same runs as INSERT statements into the document's schema.
    static QStringList inserts()
    {
        QStringList sql;
        int id = 0;
        int phaseId = 0;
        for (int r = 0; r < kRegistrations; ++r) {
            for (int m = 0; m < 2; ++m) {
                ++id;
                sql << QStringLiteral("INSERT INTO timings VALUES (%1, '%2', '%3', '%4', 'p1m1m2c', %5)")
                           .arg(id)
                           .arg(registration(r), timestamp(r, m), model(m))
                           .arg(total(r, m));
                sql << QStringLiteral("INSERT INTO phase_timings VALUES (%1, %2, 'phase1', %3, %4, 0.5, 1)")
                           .arg(++phaseId)
                           .arg(id)
                           .arg(phase1(r, m))
                           .arg(phase1(r, m) - 1.5);
                sql << QStringLiteral(
                    "INSERT INTO phase_timings VALUES (%1, %2, 'phase2', %3, %4, 0.75, NULL)")
                           .arg(++phaseId)
                           .arg(id)
                           .arg(phase2(r, m))
                           .arg(phase2(r, m) - 0.75);
            }
        }
        return sql;
    }

    /// Writes the database in the document's schema to `path`.
    static bool write(const QString& path) { return execSql(path, timingStorageSchema() + inserts()); }
};

} // namespace te::test
