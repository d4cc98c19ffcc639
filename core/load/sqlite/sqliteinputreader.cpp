#include "load/sqlite/sqliteinputreader.h"

#include "load/sqlite/sqliteconnection.h"
#include "load/sqlite/sqlitedocumentreader.h"
#include "load/sqlite/sqlitetablereader.h"

#include <QSqlDatabase>

namespace te::loader {

namespace {

// Every SQLite 3 database starts with these 16 bytes (the file format's header).
constexpr std::string_view kSqliteMagic { "SQLite format 3\0", 16 };

// Which table a load reads: the one named (--table), else the timing-storage
// schema, else the only table. False, with a problem saying why, when none fits.
bool readTables(SqliteConnection& connection, const QStringList& tables, const Input& input,
    SharedState& shared, Part& part)
{
    const QString& wanted = shared.options->table;
    const QString list = tables.join(QStringLiteral(", "));
    PartBuilder builder(part, input.path);
    if (!wanted.isEmpty() && !tables.contains(wanted)) {
        builder.problem(Problem::Severity::Error, 0, 0,
            QStringLiteral("the database has no table %1 (its tables: %2)").arg(wanted, list));
        return false;
    }
    if (isSqliteTimingSchema(tables) && (wanted.isEmpty() || wanted == u"timings"))
        return readSqliteTimingSchema(connection.database(), tables, input.path, shared, part);
    if (!wanted.isEmpty())
        return readSqliteTable(connection.database(), wanted, input.path, shared, part);
    if (tables.size() == 1)
        return readSqliteTable(connection.database(), tables.front(), input.path, shared, part);
    builder.problem(Problem::Severity::Error, 0, 0,
        tables.isEmpty()
            ? QStringLiteral("the database has no tables")
            : QStringLiteral("the database has neither the timing-storage tables (timings, phase_timings) "
                             "nor a single table; name the table to read with --table (its tables: %1)")
                  .arg(list));
    return false;
}

class SqliteInputReader final : public InputReader
{
public:
    QString formatName() const override { return QStringLiteral("SQLite"); }

    bool canRead(const InputHead& head) const override { return head.bytes.substr(0, 16) == kSqliteMagic; }

    bool readsBinary() const override { return true; }

    QString unavailableReason() const override
    {
        if (QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
            return {};
        return QStringLiteral("reading SQLite needs the Qt SQL driver for SQLite, which is not installed "
                              "(on Debian: the package libqt6sql6-sqlite)");
    }

    // A database is read whole and never followed: readAppended stays false, so a
    // follower reloads it when it changes.
    bool read(const Input& input, qint64 size, SharedState& shared, Part& part) const override
    {
        bool ok = false;
        {
            SqliteConnection connection(input);
            QStringList tables;
            if (!connection.readTableNames(tables))
                PartBuilder(part, input.path)
                    .problem(Problem::Severity::Error, 0, 0,
                        QStringLiteral("cannot read it as a SQLite database: ") + connection.error());
            else
                ok = readTables(connection, tables, input, shared, part);
        }
        part.completeEnd = size;
        shared.bytesRead += size;
        part.dataset.finish();
        return ok;
    }
};

} // namespace

const InputReader& sqliteInputReader()
{
    static const SqliteInputReader reader;
    return reader;
}

} // namespace te::loader
