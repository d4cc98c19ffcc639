#include "jsonlrecordparser.h"

#include "loadprojection.h"
#include "recorddraft.h"
#include "timestampparser.h"
#include "timingkeys.h"

#include <cmath>
#include <simdjson.h>
#include <string>

namespace te {

namespace od = simdjson::ondemand;

const std::size_t JsonlRecordParser::kPadding = simdjson::SIMDJSON_PADDING;

namespace {

// Our own recursion is bounded well below simdjson's depth limit.
constexpr int kMaxTimingDepth = 32;

QString describe(simdjson::error_code error)
{
    switch (error) {
    case simdjson::UTF8_ERROR:
        return QStringLiteral("invalid UTF-8");
    case simdjson::DEPTH_ERROR:
        return QStringLiteral("JSON nested too deeply");
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE:
        return QStringLiteral("malformed JSON: a number that is malformed or out of range");
    case simdjson::UNCLOSED_STRING:
        return QStringLiteral("malformed JSON: unclosed string");
    case simdjson::CAPACITY:
        return QStringLiteral("record too large");
    default:
        return QStringLiteral("malformed JSON (%1)").arg(QString::fromUtf8(simdjson::error_message(error)));
    }
}

// A key without escapes is read in place; only keys with a backslash are unescaped
// (a copy). Structural validation has already guaranteed the closing quote.
simdjson::error_code keyOf(od::field& field, std::string_view& key)
{
    const char* raw = field.key().raw();
    const char* end = raw;
    while (*end != '"' && *end != '\\')
        ++end;
    if (*end == '"') {
        key = std::string_view(raw, static_cast<std::size_t>(end - raw));
        return simdjson::SUCCESS;
    }
    return field.unescaped_key().get(key);
}

// The same for string values: read in place unless escaped.
simdjson::error_code stringOf(od::value& value, std::string_view& text)
{
    od::raw_json_string raw;
    if (auto e = value.get_raw_json_string().get(raw))
        return e;
    const char* begin = raw.raw();
    const char* end = begin;
    while (*end != '"' && *end != '\\')
        ++end;
    if (*end == '"') {
        text = std::string_view(begin, static_cast<std::size_t>(end - begin));
        return simdjson::SUCCESS;
    }
    return value.get_string().get(text);
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

} // namespace

struct JsonlRecordParser::Impl
{
    explicit Impl(const ColumnMapping* m)
        : mapping(m)
    { }

    const ColumnMapping* mapping;
    od::parser parser;
    RecordDraft* draft = nullptr;
    std::string scratch;

    bool fail(simdjson::error_code error)
    {
        draft->reject(describe(error));
        return false;
    }

    // Walks a structure that is not shown (a list inside a list), only to bound its
    // depth: simdjson skips unread values without checking how deep they go.
    bool skipBounded(od::value value, int depth)
    {
        if (depth > kMaxTimingDepth) {
            draft->reject(QStringLiteral("JSON nested more than %1 levels deep").arg(kMaxTimingDepth));
            return false;
        }
        od::json_type type;
        if (auto e = value.type().get(type))
            return fail(e);
        if (type == od::json_type::array) {
            od::array array;
            if (auto e = value.get_array().get(array))
                return fail(e);
            for (auto element : array) {
                od::value v;
                if (auto e = element.get(v))
                    return fail(e);
                if (!skipBounded(v, depth + 1))
                    return false;
            }
        } else if (type == od::json_type::object) {
            od::object object;
            if (auto e = value.get_object().get(object))
                return fail(e);
            for (auto fieldResult : object) {
                od::field field;
                if (auto e = std::move(fieldResult).get(field))
                    return fail(e);
                if (!skipBounded(field.value(), depth + 1))
                    return false;
            }
        }
        return true;
    }

    // Joins the scalar elements of an array ("matcher1, critic").
    bool joinArray(od::value value, std::string& out, int depth)
    {
        out.clear();
        od::array array;
        if (auto e = value.get_array().get(array))
            return fail(e);
        for (auto elementResult : array) {
            od::value element;
            if (auto e = elementResult.get(element))
                return fail(e);
            od::json_type type;
            if (auto e = element.type().get(type))
                return fail(e);
            std::string_view text;
            if (type == od::json_type::string) {
                if (auto e = stringOf(element, text))
                    return fail(e);
            } else if (type == od::json_type::number || type == od::json_type::boolean) {
                text = trimmed(element.raw_json_token());
            } else {
                // A nested structure inside a list is not shown, but its depth is checked.
                if (!skipBounded(element, depth + 1))
                    return false;
                continue;
            }
            if (!out.empty())
                out += ", ";
            out += text;
        }
        return true;
    }

    // A metadata scalar (or a nested metadata object, flattened with '.').
    bool metadata(std::string_view name, od::value value, od::json_type type, int depth)
    {
        const LoadProjection* projection = draft->projection();
        if (projection && !projection->keepsField(name) && name != "registration_id") {
            // Not kept: not parsed either, though a structure's depth is still bounded.
            if (type == od::json_type::array || type == od::json_type::object)
                return skipBounded(value, depth + 1);
            return true;
        }
        switch (type) {
        case od::json_type::string: {
            std::string_view text;
            if (auto e = stringOf(value, text))
                return fail(e);
            if (name == "timestamp")
                draft->addTimestamp(name, text, parseTimestamp(text));
            else
                draft->addMetadata(name, text);
            return true;
        }
        case od::json_type::number: {
            const std::string_view text = trimmed(value.raw_json_token());
            if (name == "timestamp") {
                double seconds = 0;
                if (auto e = value.get_double().get(seconds))
                    return fail(e);
                draft->addTimestamp(name, text, timestampFromEpochSeconds(seconds));
            } else {
                draft->addMetadata(name, text);
            }
            return true;
        }
        case od::json_type::boolean: {
            bool flag = false;
            if (auto e = value.get_bool().get(flag))
                return fail(e);
            draft->addMetadata(name, flag ? "true" : "false");
            return true;
        }
        case od::json_type::null:
            return true;
        case od::json_type::array: {
            std::string joined;
            if (!joinArray(value, joined, depth))
                return false;
            draft->addMetadata(name, joined);
            return true;
        }
        case od::json_type::object:
            return metadataObject(value, std::string(name) + '.', depth + 1);
        }
        return true;
    }

    bool metadataObject(od::value value, const std::string& prefix, int depth)
    {
        if (depth > kMaxTimingDepth) {
            draft->reject(QStringLiteral("metadata nested more than %1 levels deep").arg(kMaxTimingDepth));
            return false;
        }
        od::object object;
        if (auto e = value.get_object().get(object))
            return fail(e);
        for (auto fieldResult : object) {
            od::field field;
            if (auto e = std::move(fieldResult).get(field))
                return fail(e);
            std::string_view key;
            if (auto e = keyOf(field, key))
                return fail(e);
            od::value member = field.value();
            od::json_type type;
            if (auto e = member.type().get(type))
                return fail(e);
            if (prefix.empty()) {
                if (!metadata(key, member, type, depth))
                    return false;
            } else if (!metadata(prefix + std::string(key), member, type, depth)) {
                return false;
            }
        }
        return true;
    }

    /// How a timing object is read. Full: every node is kept (no projection).
    /// Projected: only nodes on the projection's tree are created. Derive: every
    /// node is created to sum up a missing total, but not kept. CheckOnly: nodes the
    /// projection skips are still checked, so a projected load rejects the same lines.
    struct Walk
    {
        enum Mode
        {
            Full,
            Projected,
            Derive,
            CheckOnly
        } mode
            = Full;
        const LoadProjection::MetricNode* trie = nullptr;

        bool createsNodes() const { return mode != CheckOnly; }
    };

    Walk walkFor(const Walk& parent, std::string_view name, bool& store) const
    {
        store = parent.mode == Walk::Full;
        if (parent.mode != Walk::Projected)
            return parent;
        const LoadProjection::MetricNode* child = parent.trie->child(name);
        if (!child)
            return { Walk::CheckOnly, nullptr };
        store = child->wanted;
        return { Walk::Projected, child };
    }

    // A timing leaf that is not read: still rejected when it is no time at all.
    // Plain decimals ("12.345") are checked by their sign alone; only exponents and
    // long tokens are parsed, to catch values out of range.
    bool checkSkippedNumber(od::value member, int slot, std::string_view base)
    {
        const std::string_view token = member.raw_json_token();
        bool plain = token.size() < 16 && !token.empty() && token.front() != '-';
        for (std::size_t i = 0; plain && i < token.size(); ++i)
            plain = token[i] != 'e' && token[i] != 'E';
        if (!plain) {
            double seconds = 0;
            if (auto e = member.get_double().get(seconds))
                return fail(e);
            if (seconds < 0 || !std::isfinite(seconds)) {
                draft->reject(QStringLiteral("timing \"%1\" is negative or not finite (%2)")
                                  .arg(QString::fromStdString(
                                      slot < 0 ? std::string(base) : nodePath(slot, base, base)))
                                  .arg(seconds));
                return false;
            }
        }
        draft->noteSkippedTiming();
        return true;
    }

    // A timing object the projection skips: its leaves are checked (numbers that are
    // no time, strings where a time belongs), nothing is kept.
    bool checkSkippedObject(od::value value, int depth)
    {
        if (depth > kMaxTimingDepth) {
            draft->reject(QStringLiteral("timing tree nested more than %1 levels deep").arg(kMaxTimingDepth));
            return false;
        }
        od::object object;
        if (auto e = value.get_object().get(object))
            return fail(e);
        for (auto fieldResult : object) {
            od::field field;
            if (auto e = std::move(fieldResult).get(field))
                return fail(e);
            od::value member = field.value();
            od::json_type type;
            if (auto e = member.type().get(type))
                return fail(e);
            if (type == od::json_type::number) {
                if (!checkSkippedNumber(member, -1, {}))
                    return false;
            } else if (type == od::json_type::object) {
                if (!checkSkippedObject(member, depth + 1))
                    return false;
            } else if (type == od::json_type::array) {
                if (!skipBounded(member, depth + 1))
                    return false;
            } else if (type == od::json_type::string) {
                std::string_view key;
                if (auto e = keyOf(field, key))
                    return fail(e);
                if (splitTimeKey(key).hasUnitSuffix || isTotalKey(key))
                    return rejectStringTiming(member, -1, splitTimeKey(key).base, key);
            }
        }
        return true;
    }

    bool rejectStringTiming(od::value member, int slot, std::string_view base, std::string_view key)
    {
        std::string_view text;
        if (member.get_string().get(text))
            text = {};
        draft->reject(
            QStringLiteral("timing \"%1\" is a string (\"%2\"), not a number")
                .arg(QString::fromStdString(slot < 0 ? std::string(base) : nodePath(slot, base, key)),
                    QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()))));
        return false;
    }

    // The members of a timing object: its own total, child nodes, agents, metadata.
    // `slot` is -1 in CheckOnly mode, where no node exists.
    bool timingObject(od::value value, int slot, int depth, const Walk& walk)
    {
        if (depth > kMaxTimingDepth) {
            draft->reject(QStringLiteral("timing tree nested more than %1 levels deep").arg(kMaxTimingDepth));
            return false;
        }
        od::object object;
        if (auto e = value.get_object().get(object))
            return fail(e);
        if (!timingMembers(object, slot, depth, walk))
            return false;
        // A wanted node whose total was not given is the sum of all its parts,
        // including the ones the projection skipped: read them again, all of them.
        if (walk.mode == Walk::Projected && walk.trie->wanted && !draft->hasValue(slot)) {
            if (auto e = object.reset().error())
                return fail(e);
            return timingMembers(object, slot, depth, { Walk::Derive, nullptr });
        }
        return true;
    }

    bool timingMembers(od::object& object, int slot, int depth, const Walk& walk)
    {
        for (auto fieldResult : object) {
            od::field field;
            if (auto e = std::move(fieldResult).get(field))
                return fail(e);
            std::string_view key;
            if (auto e = keyOf(field, key))
                return fail(e);
            od::value member = field.value();
            od::json_type type;
            if (auto e = member.type().get(type))
                return fail(e);
            const TimeKey unit = splitTimeKey(key);
            switch (type) {
            case od::json_type::number: {
                const bool ownTotal = isTotalKey(key);
                bool store = false;
                const Walk child = ownTotal ? walk : walkFor(walk, unit.base, store);
                if (!child.createsNodes() || (ownTotal && slot < 0)) {
                    if (!checkSkippedNumber(member, slot, unit.base))
                        return false;
                    break;
                }
                double seconds = 0;
                if (auto e = member.get_double().get(seconds))
                    return fail(e);
                const int target = ownTotal ? slot : draft->node(slot, unit.base, store);
                draft->setValue(target, seconds * unit.toSeconds);
                if (draft->isRejected())
                    return false;
                break;
            }
            case od::json_type::object: {
                if (key == "breakdown" || key == "phases") {
                    if (!timingObject(member, slot, depth + 1, walk))
                        return false;
                    break;
                }
                bool store = false;
                const Walk child = walkFor(walk, unit.base, store);
                if (!child.createsNodes()) {
                    if (!checkSkippedObject(member, depth + 1))
                        return false;
                    break;
                }
                if (!timingObject(member, draft->node(slot, unit.base, store), depth + 1, child))
                    return false;
                break;
            }
            case od::json_type::array:
                if (key == "agents" && slot >= 0
                    && (walk.mode == Walk::Full || (walk.trie && walk.trie->wanted))) {
                    if (!joinArray(member, scratch, depth))
                        return false;
                    draft->setAgents(slot, scratch);
                } else if (walk.mode == Walk::Full && key != "agents") {
                    if (!metadata(metadataName(slot, key), member, type, depth))
                        return false;
                } else if (!skipBounded(member, depth + 1)) {
                    return false;
                }
                break;
            case od::json_type::string:
                if (unit.hasUnitSuffix || isTotalKey(key))
                    return rejectStringTiming(member, slot, unit.base, key);
                [[fallthrough]];
            default:
                if (walk.mode == Walk::Full && !metadata(metadataName(slot, key), member, type, depth))
                    return false;
            }
        }
        return true;
    }

    std::string nodePath(int slot, std::string_view base, std::string_view key) const
    {
        if (isTotalKey(key))
            return draft->pathOf(slot);
        return slot == RecordDraft::kRoot ? std::string(base) : draft->pathOf(slot) + '/' + std::string(base);
    }

    std::string metadataName(int slot, std::string_view key) const
    {
        return slot == RecordDraft::kRoot ? std::string(key) : draft->pathOf(slot) + '.' + std::string(key);
    }

    // A top-level member that is not run_metadata, timings or phases.
    bool topLevel(std::string_view key, od::value value, od::json_type type)
    {
        const FlatTarget target = resolveFlatKey(key, mapping);
        if (!target.isTiming || (type != od::json_type::number && type != od::json_type::string))
            return metadata(key, value, type, 0);
        const int slot = draft->flatNode(target);
        if (type == od::json_type::string)
            return rejectStringTiming(value, slot, {}, "total");
        double seconds = 0;
        if (auto e = value.get_double().get(seconds))
            return fail(e);
        draft->setValue(slot, seconds * target.toSeconds);
        return !draft->isRejected();
    }

    Walk rootWalk() const
    {
        const LoadProjection* projection = draft->projection();
        if (!projection || projection->keepsAllMetrics())
            return {};
        return { Walk::Projected, projection->metricRoot() };
    }

    void parse(const char* data, std::size_t length, std::size_t capacity, RecordDraft& d)
    {
        draft = &d;
        od::document document;
        if (auto e = parser.iterate(data, length, capacity).get(document)) {
            fail(e);
            return;
        }
        od::object root;
        if (auto e = document.get_object().get(root)) {
            draft->reject(e == simdjson::INCORRECT_TYPE ? QStringLiteral("not a JSON object") : describe(e));
            return;
        }
        for (auto fieldResult : root) {
            od::field field;
            if (auto e = std::move(fieldResult).get(field)) {
                fail(e);
                return;
            }
            std::string_view key;
            if (auto e = keyOf(field, key)) {
                fail(e);
                return;
            }
            od::value value = field.value();
            od::json_type type;
            if (auto e = value.type().get(type)) {
                fail(e);
                return;
            }
            bool ok = true;
            if (type == od::json_type::object && key == "run_metadata")
                ok = metadataObject(value, std::string(), 1);
            else if (type == od::json_type::object && (key == "timings" || key == "phases"))
                ok = timingObject(value, RecordDraft::kRoot, 1, rootWalk());
            else
                ok = topLevel(key, value, type);
            if (!ok)
                return;
        }
        // Past the closing brace the document must be over: "{...} x" is not a record.
        const char* trailing = nullptr;
        if (!document.current_location().get(trailing))
            draft->reject(QStringLiteral("malformed JSON: unexpected content after the object"));
    }
};

JsonlRecordParser::JsonlRecordParser(const ColumnMapping* mapping)
    : m_impl(std::make_unique<Impl>(mapping))
{ }

JsonlRecordParser::~JsonlRecordParser() = default;

void JsonlRecordParser::parse(const char* data, std::size_t length, std::size_t capacity, RecordDraft& draft)
{
    m_impl->parse(data, length, capacity, draft);
}

} // namespace te
