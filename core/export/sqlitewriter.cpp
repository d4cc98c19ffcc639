#include "export/sqlitewriter.h"

#include "export/safewrite.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <algorithm>
#include <array>
#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

namespace te {

namespace {

using Json = nlohmann::ordered_json;

// The breakdown columns of phase_timings, by the node names they hold.
constexpr std::array<std::string_view, 3> kBreakdownNames { "agent_conversation", "file_write",
    "capacity_update" };

const char* const kSchema[] = {
    "CREATE TABLE timings (id INTEGER PRIMARY KEY, registration_id TEXT, timestamp DATETIME, "
    "model TEXT, constellation TEXT, total_seconds REAL, metadata TEXT)",
    "CREATE TABLE phase_timings (id INTEGER PRIMARY KEY, timing_id INTEGER REFERENCES timings(id), "
    "phase_name TEXT, total_seconds REAL, agent_conversation_seconds REAL, file_write_seconds REAL, "
    "capacity_update_seconds REAL, agents TEXT)",
    "CREATE TABLE nodes (timing_id INTEGER REFERENCES timings(id), path TEXT, seconds REAL)",
    "CREATE INDEX timings_model ON timings(model)",
    "CREATE INDEX timings_registration_id ON timings(registration_id)",
    "CREATE INDEX phase_timings_timing_id ON phase_timings(timing_id)",
    "CREATE INDEX nodes_timing_id ON nodes(timing_id)",
};

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
        return m_timing.prepare(QStringLiteral("INSERT INTO timings VALUES (?, ?, ?, ?, ?, ?, ?)"))
            && m_phase.prepare(
                QStringLiteral("INSERT INTO phase_timings (timing_id, phase_name, total_seconds, "
                               "agent_conversation_seconds, file_write_seconds, "
                               "capacity_update_seconds, agents) VALUES (?, ?, ?, ?, ?, ?, ?)"))
            && m_node.prepare(QStringLiteral("INSERT INTO nodes VALUES (?, ?, ?)"));
    }

    bool writeRun(std::uint32_t run, qint64 id);
    QString error() const { return m_error; }

private:
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

bool DatabaseWriter::writeRun(std::uint32_t run, qint64 id)
{
    constexpr int root = TimingDataset::kRootMetric;
    m_timing.bindValue(0, id);
    m_timing.bindValue(1, textOrNull(m_data.fieldValue(run, TimingDataset::RegistrationId)));
    // fieldValue gives a parsed timestamp as ISO 8601 in UTC, an unparsed one as written.
    m_timing.bindValue(2, textOrNull(m_data.fieldValue(run, TimingDataset::Timestamp)));
    m_timing.bindValue(3, textOrNull(m_data.fieldValue(run, TimingDataset::Model)));
    m_timing.bindValue(4, textOrNull(m_data.fieldValue(run, TimingDataset::Constellation)));
    m_timing.bindValue(5, m_data.values(root).has(run) ? QVariant(m_data.value(run, root)) : nullDouble());
    m_timing.bindValue(6, metadataJson(m_data, run));
    if (!exec(m_timing))
        return false;
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

// Fills the empty database file at `file`; false with `reason` when it cannot.
bool writeDatabase(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, const QString& file, QString* reason)
{
    static std::atomic<quint64> counter { 0 };
    const QString name = QStringLiteral("timing-explorer-sqlite-write-%1").arg(counter.fetch_add(1));
    bool ok = false;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        database.setDatabaseName(file);
        ok = database.open() && database.transaction();
        QString error = database.lastError().text();
        if (ok) {
            QSqlQuery query(database);
            for (const char* statement : kSchema) {
                ok = ok && query.exec(QString::fromLatin1(statement));
                if (!ok && error.isEmpty())
                    error = query.lastError().text();
            }
        }
        if (ok) {
            DatabaseWriter writer(data, database);
            ok = writer.prepare();
            for (std::size_t i = 0; ok && i < runs.size(); ++i)
                ok = writer.writeRun(runs[i], static_cast<qint64>(i) + 1);
            error = ok ? QString() : writer.error();
        }
        if (ok && !database.commit()) {
            ok = false;
            error = database.lastError().text();
        }
        if (!ok && reason)
            *reason = error.isEmpty() ? QStringLiteral("the database could not be written") : error;
        database.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool fail(const QString& path, const QString& reason, QString* error)
{
    if (error)
        *error = QStringLiteral("cannot write %1: %2").arg(path, reason);
    return false;
}

} // namespace

bool isSqliteOutputPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"sqlite" || suffix == u"sqlite3" || suffix == u"db";
}

bool convertToSqliteFile(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    const QString& path, const QStringList& inputs, QString* error)
{
    if (const QString input = protectedInputFor(path, inputs); !input.isEmpty())
        return fail(
            path, QStringLiteral("it is the input file %1, which is only ever read").arg(input), error);
    const QFileInfo target(path);
    if (target.isDir())
        return fail(path, QStringLiteral("it is a directory"), error);
    if (target.exists() && !target.isFile())
        return fail(path, QStringLiteral("it is no regular file, and a SQLite database must be one"), error);
    const QFileInfo directory(target.absolutePath());
    if (!directory.isDir())
        return fail(path, QStringLiteral("the directory %1 does not exist").arg(directory.filePath()), error);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(path,
            QStringLiteral("the Qt SQL driver for SQLite is not installed (on Debian: libqt6sql6-sqlite)"),
            error);

    // Written beside the target and renamed over it when complete, as QSaveFile does.
    QTemporaryFile temporary(
        directory.absoluteFilePath() + QStringLiteral("/.%1.XXXXXX").arg(target.fileName()));
    if (!temporary.open())
        return fail(path, temporary.errorString(), error);
    temporary.close(); // SQLite opens it by name; an empty file is an empty database
    QString reason;
    if (!writeDatabase(data, runs, temporary.fileName(), &reason))
        return fail(path, reason, error);
    temporary.setPermissions(target.exists()
            ? target.permissions()
            : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    std::error_code renameError;
    std::filesystem::rename(QFile::encodeName(temporary.fileName()).toStdString(),
        QFile::encodeName(target.absoluteFilePath()).toStdString(), renameError);
    if (renameError)
        return fail(path, QString::fromStdString(renameError.message()), error);
    temporary.setAutoRemove(false);
    return true;
}

} // namespace te
