#include "load/sql/sqldocumentreader.h"

#include "data/timingkeys.h"
#include "load/sql/sqlvalues.h"
#include "load/src/recorddraft.h"
#include "util/timestampparser.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <vector>

namespace te::loader {

namespace {

// One row of phase_timings or nodes, kept until its run is read.
struct ChildRow
{
    QVariant id;
    std::vector<QVariant> values;
};
using RowsByTiming = std::unordered_map<qint64, std::vector<ChildRow>>;

struct ChildTable
{
    QString name;
    QStringList columns;
    RowsByTiming rows;
    int column(const QString& c) const { return static_cast<int>(columns.indexOf(c)); }
};

QStringList columnNames(const QSqlRecord& record)
{
    QStringList names;
    for (int i = 0; i < record.count(); ++i)
        names.append(record.fieldName(i));
    return names;
}

class SchemaReader
{
public:
    SchemaReader(QSqlDatabase& database, const SqlDialect& dialect, const QString& file, SharedState& shared,
        Part& part, std::optional<qint64> afterTimingId)
        : m_database(database)
        , m_dialect(dialect)
        , m_afterTimingId(afterTimingId)
        , m_shared(shared)
        , m_part(part)
        , m_builder(part, file)
    { }

    bool read(const QStringList& tables);
    /// The largest timings id read; nullopt when no row was.
    std::optional<qint64> largestTimingId() const
    {
        return m_timingIds.empty() ? std::nullopt : std::optional<qint64>(*m_timingIds.rbegin());
    }

private:
    bool fail(const QString& message)
    {
        m_builder.problem(Problem::Severity::Error, 0, 0, message);
        return false;
    }
    bool loadChildTable(ChildTable& table);
    QString onlyNewRows(const QString& column) const;
    void readRun(const QSqlQuery& query, qint64 line);
    void addMetadataColumn(const QString& column, const QVariant& value);
    void addPhase(const ChildRow& row);
    void addNode(const ChildRow& row);
    void reportOrphans(const ChildTable& table);

    QSqlDatabase& m_database;
    const SqlDialect& m_dialect;
    std::optional<qint64> m_afterTimingId;
    SharedState& m_shared;
    Part& m_part;
    PartBuilder m_builder;
    RecordDraft m_draft;
    QStringList m_columns; // of timings
    int m_idColumn = -1;
    int m_totalColumn = -1;
    ChildTable m_phases { QStringLiteral("phase_timings"), {}, {} };
    ChildTable m_nodes { QStringLiteral("nodes"), {}, {} };
    std::set<qint64> m_timingIds;
    QString m_culprit; // the child row that rejected the run
};

// The node at `segments` below the root, created with its ancestors, stored as the
// projection wants; -1 (and the draft rejected) when the path is deeper than a
// flat target holds.
int nodeAt(RecordDraft& draft, const std::vector<std::string>& segments)
{
    FlatTarget target;
    target.isTiming = true;
    if (segments.size() > target.segments.size()) {
        draft.reject(QStringLiteral("the path is deeper than %1 levels").arg(target.segments.size()));
        return -1;
    }
    for (const std::string& segment : segments)
        target.segments[static_cast<std::size_t>(target.segmentCount++)] = segment;
    return draft.flatNode(target);
}

// The WHERE clause that keeps the rows of runs after afterTimingId; empty without one.
QString SchemaReader::onlyNewRows(const QString& column) const
{
    return m_afterTimingId ? QStringLiteral(" WHERE %1 > %2").arg(column).arg(*m_afterTimingId) : QString();
}

bool SchemaReader::loadChildTable(ChildTable& table)
{
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT * FROM %1%2 ORDER BY timing_id, %3")
                        .arg(quoteSqlIdentifier(table.name), onlyNewRows(QStringLiteral("timing_id")),
                            m_dialect.insertionOrder)))
        return fail(QStringLiteral("cannot read the table %1: %2").arg(table.name, query.lastError().text()));
    table.columns = columnNames(query.record());
    const int idColumn = table.column(QStringLiteral("id"));
    const int timingColumn = table.column(QStringLiteral("timing_id"));
    if (timingColumn < 0)
        return fail(QStringLiteral("the table %1 has no timing_id column").arg(table.name));
    qint64 ordinal = 0;
    while (query.next()) {
        ++ordinal;
        ChildRow row;
        row.id = idColumn >= 0 ? query.value(idColumn) : QVariant(QStringLiteral("#%1").arg(ordinal));
        for (int i = 0; i < table.columns.size(); ++i)
            row.values.push_back(query.value(i));
        const QVariant timing = query.value(timingColumn);
        bool isInteger = false;
        const qint64 timingId = timing.toLongLong(&isInteger);
        if (timing.isNull() || !isInteger) {
            m_builder.problem(Problem::Severity::Error, 0, 0,
                QStringLiteral("%1 row id %2: timing_id is %3; the row was skipped")
                    .arg(table.name, row.id.toString(),
                        timing.isNull() ? QStringLiteral("NULL") : u'"' + timing.toString() + u'"'));
            continue;
        }
        table.rows[timingId].push_back(std::move(row));
    }
    return true;
}

bool SchemaReader::read(const QStringList& tables)
{
    if (!loadChildTable(m_phases))
        return false;
    if (tables.contains(m_nodes.name) && !loadChildTable(m_nodes))
        return false;
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT * FROM timings%1 ORDER BY id").arg(onlyNewRows(QStringLiteral("id")))))
        return fail(QStringLiteral("cannot read the table timings: ") + query.lastError().text());
    m_columns = columnNames(query.record());
    m_idColumn = static_cast<int>(m_columns.indexOf(QStringLiteral("id")));
    m_totalColumn = static_cast<int>(m_columns.indexOf(QStringLiteral("total_seconds")));
    if (m_idColumn < 0 || m_totalColumn < 0)
        return fail(QStringLiteral("the table timings has no %1 column (its columns: %2)")
                        .arg(m_idColumn < 0 ? QStringLiteral("id") : QStringLiteral("total_seconds"),
                            m_columns.join(QStringLiteral(", "))));
    m_draft.setProjection(m_shared.projection());
    while (query.next() && !m_shared.cancel.load()) {
        readRun(query, ++m_part.lines);
        m_shared.runs = m_part.dataset.runCount();
    }
    reportOrphans(m_phases);
    reportOrphans(m_nodes);
    return true;
}

void SchemaReader::readRun(const QSqlQuery& query, qint64 line)
{
    m_draft.reset();
    m_culprit.clear();
    const QVariant id = query.value(m_idColumn);
    const QString where
        = QStringLiteral("timings row id %1").arg(id.isNull() ? QStringLiteral("NULL") : id.toString());
    const qint64 timingId = id.toLongLong();
    if (!id.isNull())
        m_timingIds.insert(timingId);
    double total = 0;
    const QVariant totalValue = query.value(m_totalColumn);
    const SqlNumber kind = sqlNumber(totalValue, total);
    if (kind == SqlNumber::Null)
        m_draft.reject(QStringLiteral("total_seconds is NULL"));
    else if (acceptSqlNumber(m_draft, kind, QStringLiteral("total_seconds"), totalValue))
        m_draft.setValue(RecordDraft::kRoot, total);
    for (int i = 0; i < m_columns.size() && !m_draft.isRejected(); ++i) {
        if (i != m_idColumn && i != m_totalColumn)
            addMetadataColumn(m_columns[i], query.value(i));
    }
    for (const auto* table : { &m_phases, &m_nodes }) {
        const auto found = table->rows.find(timingId);
        if (found == table->rows.end() || id.isNull())
            continue;
        for (const ChildRow& row : found->second) {
            if (m_draft.isRejected())
                break;
            table == &m_phases ? addPhase(row) : addNode(row);
            if (m_draft.isRejected())
                m_culprit = QStringLiteral("%1 row id %2").arg(table->name, row.id.toString());
        }
    }
    finishSqlRow(
        m_builder, m_draft, line, m_culprit.isEmpty() ? where : where + QStringLiteral(", ") + m_culprit);
}

// A column of timings: a well-known field, the timestamp, the JSON `metadata`
// object, or a field of its own name.
void SchemaReader::addMetadataColumn(const QString& column, const QVariant& value)
{
    const std::string text = sqlText(value);
    if (text.empty())
        return;
    const std::string name = column.toStdString();
    if (column != u"metadata") {
        if (name == "timestamp")
            m_draft.addTimestamp(name, text, parseTimestamp(text));
        else
            m_draft.addMetadata(name, text);
        return;
    }
    const auto object = nlohmann::ordered_json::parse(text, nullptr, false);
    if (!object.is_object()) {
        m_draft.addMetadata(name, text); // not ours: kept as it is
        return;
    }
    for (const auto& [key, member] : object.items()) {
        if (member.is_null())
            continue;
        const std::string memberText = member.is_string() ? member.get<std::string>() : member.dump();
        if (key == "timestamp")
            m_draft.addTimestamp(key, memberText, parseTimestamp(memberText));
        else
            m_draft.addMetadata(key, memberText);
    }
}

void SchemaReader::addPhase(const ChildRow& row)
{
    const int nameColumn = m_phases.column(QStringLiteral("phase_name"));
    const std::string phase
        = nameColumn >= 0 ? sqlText(row.values[static_cast<std::size_t>(nameColumn)]) : "";
    if (phase.empty()) {
        m_draft.reject(QStringLiteral("phase_name is empty"));
        return;
    }
    const int slot = nodeAt(m_draft, { phase });
    for (int i = 0; i < m_phases.columns.size() && !m_draft.isRejected(); ++i) {
        const QString& column = m_phases.columns[i];
        const QVariant& value = row.values[static_cast<std::size_t>(i)];
        if (column == u"id" || column == u"timing_id" || column == u"phase_name")
            continue;
        const std::string name = column.toStdString();
        if (column == u"agents") {
            if (const std::string agents = sqlText(value); !agents.empty())
                m_draft.setAgents(slot, agents);
            continue;
        }
        const TimeKey unit = splitTimeKey(name);
        if (!unit.hasUnitSuffix && !isTotalKey(name)) {
            if (const std::string text = sqlText(value); !text.empty()) {
                std::string field = phase;
                field.append(1, '.').append(name);
                m_draft.addMetadata(field, text);
            }
            continue;
        }
        double seconds = 0;
        if (!acceptSqlNumber(m_draft, sqlNumber(value, seconds), column, value))
            continue;
        const int target = isTotalKey(name) ? slot : nodeAt(m_draft, { phase, std::string(unit.base) });
        if (target >= 0)
            m_draft.setValue(target, seconds * unit.toSeconds);
    }
}

void SchemaReader::addNode(const ChildRow& row)
{
    const int pathColumn = m_nodes.column(QStringLiteral("path"));
    const int secondsColumn = m_nodes.column(QStringLiteral("seconds"));
    if (pathColumn < 0 || secondsColumn < 0) {
        m_draft.reject(QStringLiteral("the table nodes needs the columns path and seconds"));
        return;
    }
    const QString path = QString::fromStdString(sqlText(row.values[static_cast<std::size_t>(pathColumn)]));
    std::vector<std::string> segments;
    for (const QString& segment : path.split(u'/'))
        segments.push_back(segment.toStdString());
    if (path.isEmpty() || std::find(segments.begin(), segments.end(), std::string()) != segments.end()) {
        m_draft.reject(QStringLiteral("the path \"%1\" is not a node path").arg(path));
        return;
    }
    const QVariant& value = row.values[static_cast<std::size_t>(secondsColumn)];
    double seconds = 0;
    if (!acceptSqlNumber(m_draft, sqlNumber(value, seconds), QStringLiteral("seconds"), value))
        return; // NULL: a node without a value of its own, as its parts give it
    if (const int slot = nodeAt(m_draft, segments); slot >= 0)
        m_draft.setValue(slot, seconds);
}

void SchemaReader::reportOrphans(const ChildTable& table)
{
    std::vector<std::pair<qint64, const ChildRow*>> orphans;
    for (const auto& [timingId, rows] : table.rows) {
        if (m_timingIds.count(timingId) == 0) {
            for (const ChildRow& row : rows)
                orphans.emplace_back(timingId, &row);
        }
    }
    // Sorted, so the problems come in the same order on every load.
    std::sort(orphans.begin(), orphans.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [timingId, row] : orphans) {
        m_builder.problem(Problem::Severity::Error, 0, 0,
            QStringLiteral("%1 row id %2: timing_id %3 matches no timings row; the row was skipped")
                .arg(table.name, row->id.toString())
                .arg(timingId));
    }
}

} // namespace

bool isSqlTimingSchema(const QStringList& tables)
{
    return tables.contains(QStringLiteral("timings")) && tables.contains(QStringLiteral("phase_timings"));
}

bool readSqlTimingSchema(QSqlDatabase& database, const SqlDialect& dialect, const QStringList& tables,
    const QString& file, SharedState& shared, Part& part, std::optional<qint64> afterTimingId,
    qint64* largestTimingId)
{
    SchemaReader reader(database, dialect, file, shared, part, afterTimingId);
    const bool ok = reader.read(tables);
    if (const auto largest = reader.largestTimingId(); largest && largestTimingId)
        *largestTimingId = *largest;
    return ok;
}

} // namespace te::loader
