#include "export/sqlrunwriter.h"

#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

namespace te {

namespace {

using Json = nlohmann::ordered_json;

// The breakdown columns of phase_timings, by the node names they hold.
constexpr std::array<std::string_view, 3> kBreakdownNames { "agent_conversation", "file_write",
    "capacity_update" };

QVariant nullDouble()
{
    return QVariant(QMetaType::fromType<double>());
}

QVariant textOrNull(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

bool isWritten(const TimingDataset& data, std::uint32_t run, int metric)
{
    return data.values(metric).has(run)
        && !(data.metric(metric).nameUtf8 == TimingDataset::kUnaccountedName && data.isDerived(run, metric));
}

bool hasWrittenChild(const TimingDataset& data, std::uint32_t run, int metric)
{
    const auto& children = data.metric(metric).children;
    return std::any_of(children.begin(), children.end(), [&](int c) { return isWritten(data, run, c); });
}

// A derived total with parts is left NULL: the loader derives it from them again.
QVariant secondsOf(const TimingDataset& data, std::uint32_t run, int metric)
{
    if (data.isDerived(run, metric) && hasWrittenChild(data, run, metric))
        return nullDouble();
    return data.value(run, metric);
}

// As in JSON Lines: a text that is a JSON number reading back as the same text is
// that number (max_items: 5), anything else a string.
Json metadataValue(const std::string& text)
{
    if (!text.empty() && (text[0] == '-' || (text[0] >= '0' && text[0] <= '9'))) {
        Json number = Json::parse(text, nullptr, false);
        if (number.is_number() && number.dump() == text)
            return number;
    }
    return text;
}

QVariant metadataJson(const TimingDataset& data, std::uint32_t run)
{
    Json metadata = Json::object();
    if (const QString source = data.fieldValue(run, TimingDataset::Source); !source.isEmpty())
        metadata["source"] = source.toStdString();
    for (int field = TimingDataset::WellKnownFieldCount; field < data.fieldCount(); ++field) {
        const FieldColumn& column = data.field(field);
        const std::string& value = column.dictionary()[column.code(run)];
        if (!value.empty())
            metadata[data.fieldName(field).toStdString()] = metadataValue(value);
    }
    if (metadata.empty())
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromStdString(metadata.dump(-1, ' ', false, Json::error_handler_t::replace));
}

class DatabaseWriter
{
public:
    DatabaseWriter(const TimingDataset& data, QSqlDatabase& database)
        : m_data(data)
        , m_timing(database)
        , m_phase(database)
        , m_node(database)
    { }

    bool prepare()
    {
        // The database numbers the runs (after any it holds), and says which id it gave.
        const bool prepared
            = m_timing.prepare(QStringLiteral("INSERT INTO timings (registration_id, timestamp, model, "
                                              "constellation, total_seconds, metadata) "
                                              "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"))
            && m_phase.prepare(
                QStringLiteral("INSERT INTO phase_timings (timing_id, phase_name, total_seconds, "
                               "agent_conversation_seconds, file_write_seconds, "
                               "capacity_update_seconds, agents) VALUES (?, ?, ?, ?, ?, ?, ?)"))
            && m_node.prepare(
                QStringLiteral("INSERT INTO nodes (timing_id, path, seconds) VALUES (?, ?, ?)"));
        return prepared || noteError();
    }

    bool writeRun(std::uint32_t run);
    QString error() const { return m_error; }

private:
    // The first error of the three statements' preparation (a table of the wrong shape); false.
    bool noteError()
    {
        for (const QSqlQuery* query : { &m_timing, &m_phase, &m_node }) {
            if (query->lastError().isValid()) {
                m_error = query->lastError().text();
                break;
            }
        }
        return false;
    }
    bool exec(QSqlQuery& query)
    {
        if (query.exec())
            return true;
        m_error = query.lastError().text();
        return false;
    }
    bool writePhase(std::uint32_t run, qint64 id, int phase);
    bool writeNodes(std::uint32_t run, qint64 id, int parent);

    const TimingDataset& m_data;
    QSqlQuery m_timing;
    QSqlQuery m_phase;
    QSqlQuery m_node;
    QString m_error;
};

bool DatabaseWriter::writeRun(std::uint32_t run)
{
    constexpr int root = TimingDataset::kRootMetric;
    m_timing.bindValue(0, textOrNull(m_data.fieldValue(run, TimingDataset::RegistrationId)));
    // fieldValue gives a parsed timestamp as ISO 8601 in UTC, an unparsed one as written.
    m_timing.bindValue(1, textOrNull(m_data.fieldValue(run, TimingDataset::Timestamp)));
    m_timing.bindValue(2, textOrNull(m_data.fieldValue(run, TimingDataset::Model)));
    m_timing.bindValue(3, textOrNull(m_data.fieldValue(run, TimingDataset::Constellation)));
    m_timing.bindValue(4, m_data.values(root).has(run) ? QVariant(m_data.value(run, root)) : nullDouble());
    m_timing.bindValue(5, metadataJson(m_data, run));
    if (!exec(m_timing))
        return false;
    if (!m_timing.next()) {
        m_error = QStringLiteral("the database gave no id for a new timings row");
        return false;
    }
    const qint64 id = m_timing.value(0).toLongLong();
    m_timing.finish();
    for (const int phase : m_data.metric(root).children) {
        if (isWritten(m_data, run, phase) && !writePhase(run, id, phase))
            return false;
    }
    return true;
}

bool DatabaseWriter::writePhase(std::uint32_t run, qint64 id, int phase)
{
    m_phase.bindValue(0, id);
    m_phase.bindValue(1, m_data.metric(phase).name);
    m_phase.bindValue(2, secondsOf(m_data, run, phase));
    std::vector<int> inNodes; // children not held by a breakdown column
    std::array<QVariant, kBreakdownNames.size()> breakdown;
    breakdown.fill(nullDouble());
    for (const int child : m_data.metric(phase).children) {
        if (!isWritten(m_data, run, child))
            continue;
        const auto column
            = std::find(kBreakdownNames.begin(), kBreakdownNames.end(), m_data.metric(child).nameUtf8);
        if (column == kBreakdownNames.end()) {
            inNodes.push_back(child);
            continue;
        }
        breakdown[static_cast<std::size_t>(column - kBreakdownNames.begin())] = secondsOf(m_data, run, child);
        if (!writeNodes(run, id, child)) // its own parts, if any
            return false;
    }
    for (std::size_t i = 0; i < breakdown.size(); ++i)
        m_phase.bindValue(static_cast<int>(3 + i), breakdown[i]);
    m_phase.bindValue(6, textOrNull(m_data.agents(run, phase)));
    if (!exec(m_phase))
        return false;
    for (const int child : inNodes) {
        const QVariant seconds = secondsOf(m_data, run, child);
        if (!seconds.isNull()) {
            m_node.bindValue(0, id);
            m_node.bindValue(1, m_data.metric(child).path);
            m_node.bindValue(2, seconds);
            if (!exec(m_node))
                return false;
        }
        if (!writeNodes(run, id, child))
            return false;
    }
    return true;
}

// Every written node below `parent`, parents before their children.
bool DatabaseWriter::writeNodes(std::uint32_t run, qint64 id, int parent)
{
    for (const int child : m_data.metric(parent).children) {
        if (!isWritten(m_data, run, child))
            continue;
        if (const QVariant seconds = secondsOf(m_data, run, child); !seconds.isNull()) {
            m_node.bindValue(0, id);
            m_node.bindValue(1, m_data.metric(child).path);
            m_node.bindValue(2, seconds);
            if (!exec(m_node))
                return false;
        }
        if (!writeNodes(run, id, child))
            return false;
    }
    return true;
}

} // namespace

bool writeRunsToDatabase(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    QSqlDatabase& database, std::span<const char* const> schema, QString* reason)
{
    const auto failed = [&](const QString& error) {
        if (reason)
            *reason = error.isEmpty() ? QStringLiteral("the database could not be written") : error;
        if (database.isOpen())
            database.rollback();
        return false;
    };
    if (!database.transaction())
        return failed(database.lastError().text());
    QSqlQuery query(database);
    for (const char* statement : schema) {
        if (!query.exec(QString::fromLatin1(statement)))
            return failed(query.lastError().text());
    }
    DatabaseWriter writer(data, database);
    if (!writer.prepare())
        return failed(writer.error());
    for (const std::uint32_t run : runs) {
        if (!writer.writeRun(run))
            return failed(writer.error());
    }
    if (!database.commit())
        return failed(database.lastError().text());
    return true;
}

} // namespace te
