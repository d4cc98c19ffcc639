#include "data/timingdataset.h"

#include "util/timestampformat.h"

#include <QStringDecoder>
#include <algorithm>
#include <type_traits>

namespace te {

namespace {
// Node and field names are kept as written. QString::fromUtf8 drops a leading byte
// order mark, which made the key "\uFEFFphase1" a second node named "phase1" (that
// a projection, which matches the bytes, did not take for phase1).
QString fromUtf8(std::string_view s)
{
    QStringDecoder decoder(
        QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom | QStringDecoder::Flag::Stateless);
    return decoder(QByteArrayView(s.data(), static_cast<qsizetype>(s.size())));
}
} // namespace

TimingDataset::TimingDataset()
{
    MetricInfo root;
    root.path = root.name = QStringLiteral("total");
    root.nameUtf8 = "total";
    m_metrics.push_back(std::move(root));
    m_values.emplace_back();
    m_agents.emplace_back();
    for (const std::string_view name : { "registration_id", "model", "constellation", "timestamp", "source" })
        internField(name);
}

TimingDataset::TimingDataset(TimingDataset&&) noexcept = default;
TimingDataset& TimingDataset::operator=(TimingDataset&&) noexcept = default;
TimingDataset::~TimingDataset() = default;

namespace {
template <typename T> std::vector<T> copyWithRoom(const std::vector<T>& values, std::uint32_t spare)
{
    std::vector<T> copy;
    if (values.empty())
        return copy;
    copy.reserve(values.size() + spare);
    copy.assign(values.begin(), values.end());
    return copy;
}
} // namespace

TimingDataset TimingDataset::clone(std::uint32_t spareRuns) const
{
    TimingDataset copy;
    copy.m_runCount = m_runCount;
    copy.m_metrics = m_metrics;
    copy.m_values.clear();
    copy.m_values.reserve(m_values.size());
    for (const MetricColumn& column : m_values)
        copy.m_values.push_back(column.copyWithRoom(spareRuns));
    copy.m_agents.clear();
    for (const auto& column : m_agents)
        copy.m_agents.push_back(
            column ? std::make_unique<FieldColumn>(column->copyWithRoom(spareRuns)) : nullptr);
    copy.m_fieldNames = m_fieldNames;
    copy.m_fieldNamesUtf8 = m_fieldNamesUtf8;
    copy.m_fields.clear();
    copy.m_fields.reserve(m_fields.size());
    for (const FieldColumn& column : m_fields)
        copy.m_fields.push_back(column.copyWithRoom(spareRuns));
    copy.m_timestamps = copyWithRoom(m_timestamps, spareRuns);
    copy.m_lines = copyWithRoom(m_lines, spareRuns);
    copy.m_flags = copyWithRoom(m_flags, spareRuns);
    return copy;
}

int TimingDataset::metricId(QStringView path) const
{
    for (std::size_t i = 0; i < m_metrics.size(); ++i) {
        if (m_metrics[i].path == path)
            return static_cast<int>(i);
    }
    return -1;
}

QStringList TimingDataset::metricPaths() const
{
    QStringList paths;
    // Depth-first from the root, so a phase is followed by its items.
    std::vector<int> stack { kRootMetric };
    while (!stack.empty()) {
        const int id = stack.back();
        stack.pop_back();
        paths.append(metric(id).path);
        const auto& children = metric(id).children;
        stack.insert(stack.end(), children.rbegin(), children.rend());
    }
    return paths;
}

QString TimingDataset::agents(std::uint32_t run, int metric) const
{
    const auto& column = m_agents[static_cast<std::size_t>(metric)];
    if (!column)
        return {};
    return column->text(column->code(run));
}

QString TimingDataset::fieldValue(std::uint32_t run, int id) const
{
    if (id == Timestamp && timestampMs(run) != kNoTimestamp)
        return formatTimestampIso(timestampMs(run));
    return field(id).text(field(id).code(run));
}

QStringList TimingDataset::fieldNames() const
{
    return { m_fieldNames.begin(), m_fieldNames.end() };
}

int TimingDataset::fieldId(QStringView name) const
{
    for (std::size_t i = 0; i < m_fieldNames.size(); ++i) {
        if (m_fieldNames[i] == name)
            return static_cast<int>(i);
    }
    return -1;
}

std::uint32_t TimingDataset::addRun()
{
    return m_runCount++;
}

int TimingDataset::childMetric(int parent, std::string_view name)
{
    for (const int child : m_metrics[static_cast<std::size_t>(parent)].children) {
        if (m_metrics[static_cast<std::size_t>(child)].nameUtf8 == name)
            return child;
    }
    MetricInfo info;
    info.nameUtf8 = std::string(name);
    info.name = fromUtf8(name);
    info.path = parent == kRootMetric ? info.name
                                      : m_metrics[static_cast<std::size_t>(parent)].path + u'/' + info.name;
    info.parent = parent;
    const int id = static_cast<int>(m_metrics.size());
    m_metrics.push_back(std::move(info));
    m_metrics[static_cast<std::size_t>(parent)].children.push_back(id);
    m_values.emplace_back().reserve(m_reserveHint);
    m_agents.emplace_back();
    return id;
}

int TimingDataset::internField(std::string_view name)
{
    for (std::size_t i = 0; i < m_fieldNamesUtf8.size(); ++i) {
        if (m_fieldNamesUtf8[i] == name)
            return static_cast<int>(i);
    }
    m_fieldNamesUtf8.emplace_back(name);
    m_fieldNames.push_back(fromUtf8(name));
    m_fields.emplace_back().reserve(m_reserveHint);
    return static_cast<int>(m_fields.size() - 1);
}

void TimingDataset::setValue(std::uint32_t run, int metric, double seconds, bool derived)
{
    m_values[static_cast<std::size_t>(metric)].set(run, seconds, derived);
}

void TimingDataset::setField(std::uint32_t run, int field, std::string_view value)
{
    m_fields[static_cast<std::size_t>(field)].set(run, value);
}

void TimingDataset::fillField(int field, std::string_view value)
{
    m_fields[static_cast<std::size_t>(field)].fill(m_runCount, value);
}

void TimingDataset::setAgents(std::uint32_t run, int metric, std::string_view agents)
{
    auto& column = m_agents[static_cast<std::size_t>(metric)];
    if (!column)
        column = std::make_unique<FieldColumn>();
    column->set(run, agents);
}

void TimingDataset::setTimestamp(std::uint32_t run, qint64 msSinceEpoch)
{
    if (m_timestamps.size() <= run)
        m_timestamps.resize(run + 1, kNoTimestamp);
    m_timestamps[run] = msSinceEpoch;
}

void TimingDataset::setLine(std::uint32_t run, qint64 line)
{
    if (m_lines.size() <= run)
        m_lines.resize(run + 1, 0);
    m_lines[run] = static_cast<std::uint32_t>(line);
}

void TimingDataset::markWarning(std::uint32_t run)
{
    if (m_flags.size() <= run)
        m_flags.resize(run + 1, 0);
    m_flags[run] |= WarningFlag;
}

void TimingDataset::shiftLines(qint64 offset)
{
    for (auto& line : m_lines)
        line = static_cast<std::uint32_t>(line + offset);
}

void TimingDataset::reserveRuns(std::uint32_t runs)
{
    m_reserveHint = runs;
    for (auto& column : m_values)
        column.reserve(runs);
    for (auto& column : m_fields)
        column.reserve(runs);
    m_lines.reserve(runs);
}

void TimingDataset::finish()
{
    for (auto& column : m_values)
        column.finish(m_runCount);
    // The accessors read a run past an array's end as "none", so nothing is padded.
}

namespace {
template <typename T>
void appendArray(std::vector<T>& into, const std::vector<T>& other, std::size_t offset, T none)
{
    if (other.empty())
        return;
    into.reserve(offset + other.size());
    into.resize(offset, none);
    into.insert(into.end(), other.begin(), other.end());
}
} // namespace

template <typename Dataset> void TimingDataset::appendFrom(Dataset&& other)
{
    constexpr bool freesOther = !std::is_const_v<std::remove_reference_t<Dataset>>;
    const auto release = [](auto& column) {
        if constexpr (freesOther)
            column = {};
    };
    const std::uint32_t offset = m_runCount;
    std::vector<int> metricMap(other.m_metrics.size(), kRootMetric);
    // Parents come before their children in `other`, so one pass maps every node.
    for (std::size_t i = 1; i < other.m_metrics.size(); ++i) {
        const auto& info = other.m_metrics[i];
        metricMap[i] = childMetric(metricMap[static_cast<std::size_t>(info.parent)], info.nameUtf8);
    }
    for (std::size_t i = 0; i < other.m_metrics.size(); ++i) {
        const auto target = static_cast<std::size_t>(metricMap[i]);
        if constexpr (freesOther)
            m_values[target].append(std::move(other.m_values[i]), offset);
        else
            m_values[target].append(other.m_values[i], offset);
        if (other.m_agents[i]) {
            if (!m_agents[target])
                m_agents[target] = std::make_unique<FieldColumn>();
            m_agents[target]->append(*other.m_agents[i], offset);
            release(other.m_agents[i]);
        }
    }
    for (std::size_t i = 0; i < other.m_fields.size(); ++i) {
        const int target = internField(other.m_fieldNamesUtf8[i]);
        m_fields[static_cast<std::size_t>(target)].append(other.m_fields[i], offset);
        release(other.m_fields[i]);
    }
    appendArray(m_timestamps, other.m_timestamps, offset, kNoTimestamp);
    release(other.m_timestamps);
    appendArray(m_lines, other.m_lines, offset, std::uint32_t { 0 });
    release(other.m_lines);
    appendArray(m_flags, other.m_flags, offset, std::uint8_t { 0 });
    release(other.m_flags);
    m_runCount = offset + other.m_runCount;
    finish();
}

void TimingDataset::append(const TimingDataset& other)
{
    appendFrom(other);
}

void TimingDataset::append(TimingDataset&& other)
{
    appendFrom(std::move(other));
}

void TimingDataset::truncate(std::uint32_t firstRemoved)
{
    if (firstRemoved >= m_runCount)
        return;
    for (auto& column : m_values)
        column.truncate(firstRemoved);
    for (auto& column : m_fields)
        column.truncate(firstRemoved);
    for (auto& column : m_agents) {
        if (column)
            column->truncate(firstRemoved);
    }
    m_timestamps.resize(firstRemoved);
    m_lines.resize(firstRemoved);
    m_flags.resize(firstRemoved);
    m_runCount = firstRemoved;
}

} // namespace te
