#include "jsonlrecordparser.h"

#include "recorddraft.h"
#include "timestampparser.h"
#include "timingkeys.h"

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
    {
    }

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
                if (auto e = element.get_string().get(text))
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
        switch (type) {
        case od::json_type::string: {
            std::string_view text;
            if (auto e = value.get_string().get(text))
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
            if (auto e = field.unescaped_key().get(key))
                return fail(e);
            od::value member = field.value();
            od::json_type type;
            if (auto e = member.type().get(type))
                return fail(e);
            const std::string name = prefix + std::string(key);
            if (!metadata(name, member, type, depth))
                return false;
        }
        return true;
    }

    // The members of a timing object: its own total, child nodes, agents, metadata.
    bool timingObject(od::value value, int slot, int depth)
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
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return fail(e);
            od::value member = field.value();
            od::json_type type;
            if (auto e = member.type().get(type))
                return fail(e);
            const TimeKey unit = splitTimeKey(key);
            switch (type) {
            case od::json_type::number: {
                double seconds = 0;
                if (auto e = member.get_double().get(seconds))
                    return fail(e);
                const int target = isTotalKey(key) ? slot : draft->node(slot, unit.base);
                draft->setValue(target, seconds * unit.toSeconds);
                if (draft->isRejected())
                    return false;
                break;
            }
            case od::json_type::object:
                if (key == "breakdown" || key == "phases") {
                    if (!timingObject(member, slot, depth + 1))
                        return false;
                } else if (!timingObject(member, draft->node(slot, unit.base), depth + 1)) {
                    return false;
                }
                break;
            case od::json_type::array:
                if (key == "agents") {
                    if (!joinArray(member, scratch, depth))
                        return false;
                    draft->setAgents(slot, scratch);
                } else if (!metadata(metadataName(slot, key), member, type, depth)) {
                    return false;
                }
                break;
            case od::json_type::string:
                if (unit.hasUnitSuffix || isTotalKey(key)) {
                    std::string_view text;
                    if (member.get_string().get(text))
                        text = {};
                    draft->reject(QStringLiteral("timing \"%1\" is a string (\"%2\"), not a number")
                                      .arg(QString::fromStdString(nodePath(slot, unit.base, key)),
                                           QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()))));
                    return false;
                }
                [[fallthrough]];
            default:
                if (!metadata(metadataName(slot, key), member, type, depth))
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
        int slot = RecordDraft::kRoot;
        for (int i = 0; i < target.segmentCount; ++i)
            slot = draft->node(slot, target.segments[static_cast<std::size_t>(i)]);
        if (type == od::json_type::string) {
            std::string_view text;
            if (value.get_string().get(text))
                text = {};
            draft->reject(QStringLiteral("timing \"%1\" is a string (\"%2\"), not a number")
                              .arg(QString::fromStdString(draft->pathOf(slot)),
                                   QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()))));
            return false;
        }
        double seconds = 0;
        if (auto e = value.get_double().get(seconds))
            return fail(e);
        draft->setValue(slot, seconds * target.toSeconds);
        return !draft->isRejected();
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
            if (auto e = field.unescaped_key().get(key)) {
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
                ok = timingObject(value, RecordDraft::kRoot, 1);
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
{
}

JsonlRecordParser::~JsonlRecordParser() = default;

void JsonlRecordParser::parse(const char* data, std::size_t length, std::size_t capacity, RecordDraft& draft)
{
    m_impl->parse(data, length, capacity, draft);
}

} // namespace te
