#include "load/jsonl/jsonlrecordparser.h"

#include "data/timingkeys.h"
#include "load/jsonl/jsonmetadatareader.h"
#include "load/loadprojection.h"
#include "load/src/recorddraft.h"

#include <cmath>
#include <string>

namespace te {

using namespace json;

const std::size_t JsonlRecordParser::kPadding = simdjson::SIMDJSON_PADDING;

struct JsonlRecordParser::Impl : JsonMetadataReader
{
    explicit Impl(const ColumnMapping* m)
        : mapping(m)
    { }

    const ColumnMapping* mapping;
    od::parser parser;

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
        /// Projected: the node's value is wanted, or needed to derive the missing
        /// total of a wanted ancestor.
        bool valueNeeded = false;

        bool createsNodes() const { return mode != CheckOnly; }
    };

    /// How the child `name` of a node read with `parent` is read. When the parent's
    /// value is needed and its own total has not been seen (yet), the children the
    /// projection does not want are read in Derive mode, so the total can be summed
    /// up from them on this one pass: simdjson cannot safely read an object twice.
    /// That holds through nodes the projection only passes through: with "total"
    /// and "phase1/x" wanted, a missing total needs all of phase1, not just x.
    Walk walkFor(const Walk& parent, std::string_view name, bool parentHasValue, bool& store) const
    {
        store = parent.mode == Walk::Full;
        if (parent.mode != Walk::Projected)
            return parent;
        const bool derivesParent = parent.valueNeeded && !parentHasValue;
        if (const LoadProjection::MetricNode* child = parent.trie->child(name)) {
            store = child->wanted;
            return { Walk::Projected, child, child->wanted || derivesParent };
        }
        // Every node is created when every field is kept: its fields are named after it.
        if (derivesParent || draft->projection()->keepsAllFields())
            return { Walk::Derive, nullptr, derivesParent };
        return { Walk::CheckOnly, nullptr, false };
    }

    // A timing leaf that is not read: still rejected when it is no time at all.
    // Plain decimals ("12.345") are checked by their grammar alone; only signs,
    // exponents and long tokens are parsed, to catch malformed or out-of-range values.
    static bool isPlainDecimal(std::string_view token)
    {
        std::size_t i = 0;
        if (token.empty() || token.size() >= 16 || token[0] < '0' || token[0] > '9')
            return false;
        if (token[0] == '0' && token.size() > 1 && token[1] != '.')
            return false; // "01" is not JSON
        while (i < token.size() && token[i] >= '0' && token[i] <= '9')
            ++i;
        if (i < token.size() && token[i] == '.') {
            const std::size_t fraction = ++i;
            while (i < token.size() && token[i] >= '0' && token[i] <= '9')
                ++i;
            if (i == fraction)
                return false;
        }
        return i == token.size();
    }

    bool checkSkippedNumber(od::value member, int slot, std::string_view base)
    {
        const bool plain = isPlainDecimal(trimTrailingJsonWhitespace(member.raw_json_token()));
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
        od::object object;
        if (!enterObject(value, depth, "timing tree", object))
            return false;
        return forEachMember(object, [&](od::field& field, od::value member, od::json_type type) {
            std::string_view key;
            if (auto e = keyOf(field, key))
                return fail(e);
            switch (type) {
            case od::json_type::number:
                return checkSkippedNumber(member, -1, {});
            case od::json_type::object:
                return checkSkippedObject(member, depth + 1);
            case od::json_type::array:
                return skipBounded(member, depth + 1);
            case od::json_type::string: {
                if (splitTimeKey(key).hasUnitSuffix || isTotalKey(key))
                    return rejectStringTiming(member, -1, splitTimeKey(key).base, key);
                return checkScalar(member, type);
            }
            default:
                return checkScalar(member, type);
            }
        });
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
        od::object object;
        if (!enterObject(value, depth, "timing tree", object))
            return false;
        return timingMembers(object, slot, depth, walk);
    }

    bool timingMembers(od::object& object, int slot, int depth, const Walk& walk)
    {
        return forEachMember(object, [&](od::field& field, od::value member, od::json_type type) {
            std::string_view key;
            if (auto e = keyOf(field, key))
                return fail(e);
            const TimeKey unit = splitTimeKey(key);
            switch (type) {
            case od::json_type::number:
                return timingNumber(member, key, unit, slot, walk);
            case od::json_type::object:
                return timingChildObject(member, key, unit, slot, depth, walk);
            case od::json_type::array:
                return timingArray(member, key, slot, depth, walk);
            case od::json_type::string:
                if (unit.hasUnitSuffix || isTotalKey(key))
                    return rejectStringTiming(member, slot, unit.base, key);
                [[fallthrough]];
            default:
                // metadata() keeps what the projection wants: "model" inside `timings`
                // is the run's model in a projected load too. Under a node the
                // projection skips (no slot), the field is only checked.
                return slot >= 0 ? metadata(metadataName(slot, key), member, type, depth)
                                 : checkScalar(member, type);
            }
        });
    }

    // A number in a timing object: the node's own total, or a child node's value.
    bool timingNumber(od::value member, std::string_view key, const TimeKey& unit, int slot, const Walk& walk)
    {
        const bool ownTotal = isTotalKey(key);
        bool store = false;
        const Walk child = ownTotal ? walk : walkFor(walk, unit.base, draft->hasValue(slot), store);
        if (!child.createsNodes() || (ownTotal && slot < 0))
            return checkSkippedNumber(member, slot, unit.base);
        double seconds = 0;
        if (auto e = member.get_double().get(seconds))
            return fail(e);
        const int target = ownTotal ? slot : draft->node(slot, unit.base, store);
        draft->setValue(target, seconds * unit.toSeconds);
        return !draft->isRejected();
    }

    // An object in a timing object: a child node, or a transparent `breakdown` or
    // `phases` whose members belong to this node.
    bool timingChildObject(
        od::value member, std::string_view key, const TimeKey& unit, int slot, int depth, const Walk& walk)
    {
        if (key == "breakdown" || key == "phases")
            return timingObject(member, slot, depth + 1, walk);
        bool store = false;
        const Walk child = walkFor(walk, unit.base, draft->hasValue(slot), store);
        if (!child.createsNodes())
            return checkSkippedObject(member, depth + 1);
        return timingObject(member, draft->node(slot, unit.base, store), depth + 1, child);
    }

    // An array in a timing object: the totals listed as derived, the node's agents,
    // or metadata.
    bool timingArray(od::value member, std::string_view key, int slot, int depth, const Walk& walk)
    {
        if (key == "derived" && slot == RecordDraft::kRoot)
            return derivedPaths(member, depth);
        if (key == "agents" && slot >= 0 && (walk.mode == Walk::Full || (walk.trie && walk.trie->wanted))) {
            if (!joinArray(member, scratch, depth))
                return false;
            draft->setAgents(slot, scratch);
            return true;
        }
        if (slot >= 0 && key != "agents")
            return metadata(metadataName(slot, key), member, od::json_type::array, depth);
        return skipBounded(member, depth + 1);
    }

    // `timings.derived`: the paths of the totals that were derived from their parts
    // when the record was written by `convert` (see jsonlwriter.h). Their values are
    // in the record too; the draft marks them derived again. Non-strings are ignored.
    bool derivedPaths(od::value value, int depth)
    {
        return forEachElement(value, [&](od::value element, od::json_type type) {
            if (type != od::json_type::string)
                return skipBounded(element, depth + 2);
            std::string_view path;
            if (auto e = stringOf(element, path))
                return fail(e);
            draft->markDerived(path);
            return true;
        });
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
        return { Walk::Projected, projection->metricRoot(), projection->metricRoot()->wanted };
    }

    void parse(const char* data, std::size_t length, std::size_t capacity, RecordDraft& d)
    {
        draft = &d;
        keysSeen.clear(); // what a rejected record left
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
        const bool ok = forEachMember(root, [&](od::field& field, od::value value, od::json_type type) {
            std::string_view key;
            if (auto e = keyOf(field, key))
                return fail(e);
            if (type == od::json_type::object && key == "run_metadata")
                return metadataObject(value, std::string(), 1);
            if (type == od::json_type::object && (key == "timings" || key == "phases"))
                return timingObject(value, RecordDraft::kRoot, 1, rootWalk());
            return topLevel(key, value, type);
        });
        if (!ok)
            return;
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
