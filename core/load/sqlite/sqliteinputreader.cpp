#include "load/sqlite/sqliteinputreader.h"

#include "load/sql/sqltables.h"
#include "load/sqlite/sqliteconnection.h"

#include <QSqlDatabase>

namespace te::loader {

namespace {

// Every SQLite 3 database starts with these 16 bytes (the file format's header).
constexpr std::string_view kSqliteMagic { "SQLite format 3\0", 16 };

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
                ok = readSqlTables(connection.database(), sqliteDialect(), tables, shared.options->table,
                    input.path, shared, part);
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
