#include "export/jsonlwriter.h"

#include "data/timingkeys.h"
#include "export/safewrite.h"

#include <QIODevice>
#include <nlohmann/json.hpp>

namespace te {

namespace {

// Ordered: keys keep the dataset's order, so a reload creates nodes and fields in
// the same order (std::map would sort them).
using Json = nlohmann::ordered_json;

std::string utf8(const QString& text)
{
    return text.toStdString();
}

bool isUnaccounted(const TimingDataset& data, std::uint32_t run, int metric)
{
    return data.metric(metric).nameUtf8 == TimingDataset::kUnaccountedName && data.isDerived(run, metric);
}

bool isWritten(const TimingDataset& data, std::uint32_t run, int metric)
{
    return data.values(metric).has(run) && !isUnaccounted(data, run, metric);
}

bool hasWrittenChild(const TimingDataset& data, std::uint32_t run, int metric)
{
    for (const int child : data.metric(metric).children) {
        if (isWritten(data, run, child))
            return true;
    }
    return false;
}

// The loader joins an agents array with ", "; split it back so the array reads as
// one again. Should splitting not join back to the same text (an agent name with
// ", " at its start), the text is written as one agent.
Json agentsArray(const std::string& joined)
{
    Json array = Json::array();
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = joined.find(", ", start);
        array.push_back(joined.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos)
            break;
        start = comma + 2;
    }
    std::string rejoined;
    for (const auto& agent : array) {
        if (!rejoined.empty())
            rejoined += ", ";
        rejoined += agent.get<std::string>();
    }
    return rejoined == joined ? array : Json::array({ joined });
}

// The key a node object is written under: its name, unless the loader would read
// that name differently (a unit suffix is stripped, "breakdown" and "phases" are
// transparent); then NAME_seconds, whose base is the name again.
std::string objectKey(const std::string& name)
{
    if (splitTimeKey(name).hasUnitSuffix || name == "breakdown" || name == "phases")
        return name + "_seconds";
    return name;
}

// `phases`: the root's children, which are always objects as in the proposed structure.
void writeChildren(
    const TimingDataset& data, std::uint32_t run, int parent, bool phases, Json& container, Json& derived)
{
    for (const int child : data.metric(parent).children) {
        if (!isWritten(data, run, child))
            continue;
        const MetricInfo& info = data.metric(child);
        const double seconds = data.value(run, child);
        if (data.isDerived(run, child))
            derived.push_back(utf8(info.path));
        const bool nested = hasWrittenChild(data, run, child);
        const std::string agents = utf8(data.agents(run, child));
        // "total_seconds" would be the parent's own total, and "_seconds" keeps its suffix.
        if (!phases && !nested && agents.empty() && !info.nameUtf8.empty() && info.nameUtf8 != "total") {
            container[info.nameUtf8 + "_seconds"] = seconds;
            continue;
        }
        Json node = Json::object();
        node["total_seconds"] = seconds;
        if (nested) {
            Json breakdown = Json::object();
            writeChildren(data, run, child, false, breakdown, derived);
            node["breakdown"] = std::move(breakdown);
        }
        if (!agents.empty())
            node["agents"] = agentsArray(agents);
        container[objectKey(info.nameUtf8)] = std::move(node);
    }
}

Json timingsJson(const TimingDataset& data, std::uint32_t run)
{
    constexpr int root = TimingDataset::kRootMetric;
    Json timings = Json::object();
    Json derived = Json::array();
    if (data.values(root).has(run)) {
        timings["total_seconds"] = data.value(run, root);
        if (data.isDerived(run, root))
            derived.push_back("total");
    }
    if (hasWrittenChild(data, run, root)) {
        Json phases = Json::object();
        writeChildren(data, run, root, true, phases, derived);
        timings["phases"] = std::move(phases);
    }
    if (const QString agents = data.agents(run, root); !agents.isEmpty())
        timings["agents"] = agentsArray(utf8(agents));
    if (!derived.empty())
        timings["derived"] = std::move(derived);
    return timings;
}

// Metadata is text; a text that is a JSON number reading back as the same text is
// written as that number (max_items: 5), anything else as a string.
Json metadataValue(const std::string& text)
{
    if (!text.empty() && (text[0] == '-' || (text[0] >= '0' && text[0] <= '9'))) {
        Json number = Json::parse(text, nullptr, false);
        if (number.is_number() && number.dump() == text)
            return number;
    }
    return text;
}

// `declare`: per field, whether to write it even without a value (as "").
Json runJson(const TimingDataset& data, std::uint32_t run, const std::vector<bool>* declare)
{
    Json metadata = Json::object();
    for (const int field : { TimingDataset::RegistrationId, TimingDataset::Timestamp, TimingDataset::Model,
             TimingDataset::Constellation, TimingDataset::Source }) {
        // fieldValue gives a parsed timestamp as ISO 8601 in UTC, an unparsed one as written.
        const QString value = data.fieldValue(run, field);
        if (!value.isEmpty())
            metadata[utf8(data.fieldName(field))] = utf8(value);
    }
    for (int field = TimingDataset::WellKnownFieldCount; field < data.fieldCount(); ++field) {
        const FieldColumn& column = data.field(field);
        const std::string& value = column.dictionary()[column.code(run)];
        if (!value.empty())
            metadata[utf8(data.fieldName(field))] = metadataValue(value);
        else if (declare && (*declare)[static_cast<std::size_t>(field)])
            metadata[utf8(data.fieldName(field))] = "";
    }
    Json record = Json::object();
    record["run_metadata"] = std::move(metadata);
    record["timings"] = timingsJson(data, run);
    return record;
}

std::string dump(const Json& json)
{
    // Loaded text is valid UTF-8 (the loader rejects anything else), so `replace`
    // never changes a value; it only keeps dump from throwing.
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Fields the first line names with "", so that a reload creates the fields in the
// dataset's order. Usually none: runs list their fields in field order, so the fields
// appear in that order anyway, unless a field would first appear after a later one
// (an input named it with an empty value first) or never (it only ever was empty);
// then the first line names them all. Considered are the fields some written run has
// a value for and those no run has (they exist as names only).
std::vector<bool> fieldsToDeclare(const TimingDataset& data, const std::vector<std::uint32_t>& runs)
{
    std::vector<bool> declare(static_cast<std::size_t>(data.fieldCount()), false);
    std::size_t previousFirst = 0;
    bool inOrder = true;
    for (int field = TimingDataset::WellKnownFieldCount; field < data.fieldCount(); ++field) {
        const FieldColumn& column = data.field(field);
        std::size_t first = 0; // the first written run with a value; runs.size() when none
        while (first < runs.size() && column.code(runs[first]) == 0)
            ++first;
        if (first == runs.size() && column.dictionary().size() > 1)
            continue; // only runs that are not written have it
        declare[static_cast<std::size_t>(field)] = true;
        inOrder = inOrder && first < runs.size() && first >= previousFirst;
        previousFirst = first;
    }
    if (inOrder)
        declare.assign(declare.size(), false);
    return declare;
}

} // namespace

std::string runToJson(const TimingDataset& data, std::uint32_t run)
{
    return dump(runJson(data, run, nullptr));
}

bool convertToJsonl(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, QIODevice& out, QString* error)
{
    constexpr std::size_t kFlushBytes = 1 << 20;
    const std::vector<bool> declare = fieldsToDeclare(data, runs);
    std::string buffer;
    const auto flush = [&] {
        if (buffer.empty())
            return true;
        const auto written = out.write(buffer.data(), static_cast<qint64>(buffer.size()));
        if (written != static_cast<qint64>(buffer.size())) {
            if (error)
                *error = out.errorString();
            return false;
        }
        buffer.clear();
        return true;
    };
    for (std::size_t i = 0; i < runs.size(); ++i) {
        buffer += dump(runJson(data, runs[i], i == 0 ? &declare : nullptr));
        buffer += '\n';
        if (buffer.size() >= kFlushBytes && !flush())
            return false;
    }
    return flush();
}

bool convertToJsonlFile(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    const QString& path, const QStringList& inputs, QString* error)
{
    return writeSafely(
        path, inputs,
        [&](QIODevice& device, QString* reason) { return convertToJsonl(data, runs, device, reason); },
        error);
}

} // namespace te
