#include "load/postgres/postgresinputreader.h"

#include "load/postgres/postgresconnection.h"
#include "load/sql/sqldocumentreader.h"
#include "load/sql/sqltables.h"
#include "util/databaseaddress.h"

namespace te::loader {

namespace {

void reportUnreadable(Part& part, const QString& file, const QString& reason)
{
    PartBuilder(part, file).problem(Problem::Severity::Error, 0, 0, QStringLiteral("cannot read: ") + reason);
}

class PostgresInputReader final : public InputReader
{
public:
    QString formatName() const override { return QStringLiteral("PostgreSQL"); }

    // No bytes tell a database: the loader routes addresses here itself.
    bool canRead(const InputHead& /*head*/) const override { return false; }

    QString unavailableReason() const override { return postgresDriverMissingReason(); }

    bool read(const Input& input, qint64 /*size*/, SharedState& shared, Part& part) const override
    {
        qint64 largestTimingId = 0;
        const bool ok = readDatabase(input, shared, part, std::nullopt, &largestTimingId);
        part.completeEnd = largestTimingId;
        part.dataset.finish();
        return ok;
    }

    bool readAppended(
        const Input& input, qint64 begin, qint64 /*end*/, SharedState& shared, Part& part) const override
    {
        qint64 largestTimingId = begin;
        if (!readDatabase(input, shared, part, begin, &largestTimingId))
            return false;
        part.completeEnd = largestTimingId;
        part.dataset.finish();
        return true;
    }

private:
    // Reads the database at `input.path`; with `afterTimingId`, only the newer runs of
    // the timing-storage schema (false for anything else: it is read again whole).
    static bool readDatabase(const Input& input, SharedState& shared, Part& part,
        std::optional<qint64> afterTimingId, qint64* largestTimingId)
    {
        QString error;
        const std::optional<DatabaseAddress> address = DatabaseAddress::parse(input.path, &error);
        if (!address) {
            PartBuilder(part, input.path).problem(Problem::Severity::Error, 0, 0, error);
            return false;
        }
        PostgresConnection connection(*address);
        QStringList tables;
        if (!connection.readTableNames(tables)) {
            reportUnreadable(part, input.path, connection.error());
            return false;
        }
        const QString wanted = address->table.isEmpty() ? shared.options->table : address->table;
        if (!afterTimingId)
            return readSqlTables(connection.database(), postgresDialect(), tables, wanted, input.path, shared,
                part, largestTimingId);
        if (!isSqlTimingSchema(tables) || !(wanted.isEmpty() || wanted == u"timings"))
            return false;
        return readSqlTimingSchema(connection.database(), postgresDialect(), tables, input.path, shared, part,
            afterTimingId, largestTimingId);
    }
};

} // namespace

const InputReader& postgresInputReader()
{
    static const PostgresInputReader reader;
    return reader;
}

} // namespace te::loader
