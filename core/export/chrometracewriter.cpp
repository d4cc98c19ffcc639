#include "export/chrometracewriter.h"

#include "export/safewrite.h"

#include <QIODevice>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace te {

namespace {

using Json = nlohmann::ordered_json;

constexpr double kNanosPerSecond = 1e9;
constexpr double kNanosPerMicro = 1000.0;
// Between the registration and the model in a process name, as the reader splits it.
constexpr std::string_view kNameSeparator = " \xC2\xB7 ";

bool isWritten(const TimingDataset& data, std::uint32_t run, int metric)
{
    if (!data.values(metric).has(run) || !std::isfinite(data.value(run, metric)))
        return false;
    return !(data.metric(metric).nameUtf8 == TimingDataset::kUnaccountedName && data.isDerived(run, metric));
}

// The latest time written, as the reader takes it (4e15 µs); a sum of two times
// up to it cannot overflow.
constexpr qint64 kMaxNanos = Q_INT64_C(4000000000000000000);

// Times are whole nanoseconds while laid out, so that children that fill their
// parent end exactly where it ends and are read back inside it.
qint64 nanos(double seconds)
{
    return seconds * kNanosPerSecond >= static_cast<double>(kMaxNanos)
        ? kMaxNanos
        : std::llround(seconds * kNanosPerSecond);
}

// `at` + `by`, saturated at kMaxNanos (absurd runs are cut, never wrapped around).
qint64 later(qint64 at, qint64 by)
{
    return std::min(kMaxNanos, at + by);
}

std::string dump(const Json& json)
{
    // Loaded text is valid UTF-8; `replace` only keeps dump from throwing.
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

class TraceWriter
{
public:
    TraceWriter(const TimingDataset& data, std::string& out)
        : m_data(data)
        , m_out(out)
    { }

    /// Writes the run as process `pid` from `start`; returns where it ends.
    qint64 writeRun(std::uint32_t run, int pid, qint64 start);

private:
    void event(Json&& json)
    {
        m_out += m_first ? "\n" : ",\n";
        m_first = false;
        m_out += dump(json);
    }
    /// Whether the node, or a node below it, has a value to write.
    bool hasTimings(std::uint32_t run, int metric) const;
    /// The node's duration as written: its value, else what its children take.
    qint64 durationOf(std::uint32_t run, int metric) const;
    /// Writes the node and its children from `start`.
    void writeNode(std::uint32_t run, int metric, int pid, qint64 start, Json args);

    const TimingDataset& m_data;
    std::string& m_out;
    bool m_first = true;
};

bool TraceWriter::hasTimings(std::uint32_t run, int metric) const
{
    if (isWritten(m_data, run, metric))
        return true;
    const auto& children = m_data.metric(metric).children;
    return std::any_of(children.begin(), children.end(), [&](int child) { return hasTimings(run, child); });
}

qint64 TraceWriter::durationOf(std::uint32_t run, int metric) const
{
    if (isWritten(m_data, run, metric))
        return nanos(m_data.value(run, metric));
    qint64 sum = 0;
    for (const int child : m_data.metric(metric).children)
        if (hasTimings(run, child))
            sum = later(sum, durationOf(run, child));
    return sum;
}

void TraceWriter::writeNode(std::uint32_t run, int metric, int pid, qint64 start, Json args)
{
    const qint64 duration = durationOf(run, metric);
    if (const QString agents = m_data.agents(run, metric); !agents.isEmpty())
        args["agents"] = agents.toStdString();
    Json json = Json::object();
    json["name"]
        = metric == TimingDataset::kRootMetric ? std::string("total") : m_data.metric(metric).nameUtf8;
    json["ph"] = "X";
    json["ts"] = static_cast<double>(start) / kNanosPerMicro;
    json["dur"] = static_cast<double>(duration) / kNanosPerMicro;
    json["pid"] = pid;
    json["tid"] = 1;
    if (!args.empty())
        json["args"] = std::move(args);
    event(std::move(json));

    std::vector<std::pair<int, qint64>> children;
    qint64 sum = 0;
    for (const int child : m_data.metric(metric).children) {
        if (!hasTimings(run, child))
            continue;
        children.emplace_back(child, durationOf(run, child));
        sum = later(sum, children.back().second);
    }
    // Parts that ran at the same time do not fit one after another.
    const bool overlap = sum > duration;
    qint64 at = start;
    for (const auto& [child, childDuration] : children) {
        writeNode(run, child, pid, at, Json::object());
        if (!overlap)
            at = later(at, childDuration);
    }
}

qint64 TraceWriter::writeRun(std::uint32_t run, int pid, qint64 start)
{
    Json args = Json::object();
    for (int field = 0; field < m_data.fieldCount(); ++field) {
        // fieldValue gives a parsed timestamp as ISO 8601 in UTC.
        const QString value = m_data.fieldValue(run, field);
        if (!value.isEmpty())
            args[m_data.fieldName(field).toStdString()] = value.toStdString();
    }
    std::string name = m_data.fieldValue(run, TimingDataset::RegistrationId).toStdString();
    if (const QString model = m_data.fieldValue(run, TimingDataset::Model); !model.isEmpty())
        name += std::string(kNameSeparator) + model.toStdString();
    Json process = Json::object();
    process["name"] = "process_name";
    process["ph"] = "M";
    process["pid"] = pid;
    process["tid"] = 1;
    process["args"] = Json { { "name", name } };
    event(std::move(process));
    writeNode(run, TimingDataset::kRootMetric, pid, start, std::move(args));
    return later(start, durationOf(run, TimingDataset::kRootMetric));
}

} // namespace

std::string runsToChromeTrace(const TimingDataset& data, const std::vector<std::uint32_t>& runs)
{
    std::string out = "{\"traceEvents\":[";
    TraceWriter writer(data, out);
    qint64 at = 0;
    for (std::size_t i = 0; i < runs.size(); ++i)
        at = writer.writeRun(runs[i], static_cast<int>(i) + 1, at);
    out += "\n],\"displayTimeUnit\":\"ms\"}\n";
    return out;
}

bool convertToChromeTrace(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, QIODevice& out, QString* error)
{
    return writeAllBytes(out, runsToChromeTrace(data, runs), error);
}

bool convertToChromeTraceFile(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    const QString& path, const QStringList& inputs, QString* error)
{
    return writeSafely(
        path, inputs,
        [&](QIODevice& device, QString* reason) { return convertToChromeTrace(data, runs, device, reason); },
        error);
}

} // namespace te
