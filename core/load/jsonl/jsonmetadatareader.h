#pragma once

#include "load/jsonl/jsonsupport.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace te {

class RecordDraft;

namespace json {

/// Reads metadata (strings, numbers, booleans, lists, nested objects flattened
/// with '.') into a RecordDraft, keeping only what its projection wants. The base
/// of the JSON Lines record parser; every method reports failure by rejecting the
/// draft and returning false.
class JsonMetadataReader
{
protected:
    RecordDraft* draft = nullptr;
    std::string scratch;
    /// The raw keys of the objects being read, innermost last (see forEachMember).
    std::vector<std::string_view> keysSeen;
    std::vector<std::string_view> keysSorted; // reused by warnDuplicateKeys

    bool fail(simdjson::error_code error);
    /// Opens `value` as an object unless it sits deeper than kMaxTimingDepth, in
    /// which case the record is rejected: "`what` nested more than 32 levels deep".
    bool enterObject(od::value value, int depth, const char* what, od::object& object);

    /// Calls visit(element, type) for each element of the array `value` and stops at
    /// the first false. A malformed element rejects the draft. Inlined: hot path.
    template <typename Visit> bool forEachElement(od::value value, Visit&& visit)
    {
        od::array array;
        if (auto e = value.get_array().get(array))
            return fail(e);
        for (auto result : array) {
            od::value element;
            if (auto e = result.get(element))
                return fail(e);
            od::json_type type;
            if (auto e = element.type().get(type))
                return fail(e);
            if (!visit(element, type))
                return false;
        }
        return true;
    }

    /// Calls visit(field, member, type) for each member of `object` and stops at the
    /// first false; the field gives the key (keyOf) when the visitor needs it. An
    /// object read whole that has a key twice gets a warning (see warnDuplicateKeys).
    template <typename Visit> bool forEachMember(od::object& object, Visit&& visit)
    {
        const std::size_t firstKey = keysSeen.size();
        // A bit per key, from its length and end characters: while no two keys share
        // a bit, no key can repeat, and the pairwise comparison is skipped.
        std::uint64_t keyBits = 0;
        bool mayRepeat = false;
        for (auto result : object) {
            od::field field;
            if (auto e = std::move(result).get(field))
                return fail(e);
            const std::string_view key = rawKey(field);
            keysSeen.push_back(key);
            const std::uint64_t bit = std::uint64_t { 1 } << (keyFingerprint(key) & 63);
            mayRepeat = mayRepeat || (keyBits & bit) != 0;
            keyBits |= bit;
            od::value member = field.value();
            od::json_type type;
            if (auto e = member.type().get(type))
                return fail(e);
            if (!visit(field, member, type))
                return false;
        }
        if (mayRepeat)
            warnDuplicateKeys(firstKey);
        else
            keysSeen.resize(firstKey);
        return true;
    }
    static std::size_t keyFingerprint(std::string_view key)
    {
        if (key.empty())
            return 0;
        const auto byte
            = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(key[i])); };
        return key.size() * 7 + byte(0) * 3 + byte(key.size() - 1) * 5 + byte(key.size() / 2);
    }
    /// The key as it is written, escapes included, read in place. Structural
    /// validation has already guaranteed its closing quote.
    static std::string_view rawKey(od::field& field)
    {
        const char* raw = field.key().raw();
        const char* end = raw;
        while (*end != '"')
            end += *end == '\\' ? 2 : 1;
        return { raw, static_cast<std::size_t>(end - raw) };
    }
    /// Warns once about each key that the object whose keys are keysSeen[first...]
    /// has more than once, and forgets those keys. The record keeps what it read last:
    /// a later scalar replaces an earlier one, the members of two objects merge. Keys
    /// are compared as written, so "a" and "\u0061" count as two.
    void warnDuplicateKeys(std::size_t first);
    /// Walks a value that is not shown, only to bound its depth (simdjson skips
    /// unread values without checking how deep they go) and to check its scalars.
    /// Only arrays and objects count as levels.
    bool skipBounded(od::value value, int depth);
    /// Rejects a scalar that is not valid JSON, and steps over a string. simdjson's
    /// type() looks at the first character only (`t` is a boolean, `1x` a number),
    /// and skips an unread value unchecked: it even skips `"b":` in `{"a": "b": 1}`
    /// as if it were a key. Every scalar, read or skipped, is checked this way, so a
    /// projected load rejects the same malformed lines as a full one.
    bool checkScalar(od::value value, od::json_type type);
    /// Joins the scalar elements of an array ("matcher1, critic").
    bool joinArray(od::value value, std::string& out, int depth);
    /// A metadata scalar, or a nested metadata object flattened with '.'.
    bool metadata(std::string_view name, od::value value, od::json_type type, int depth);
    bool metadataObject(od::value value, const std::string& prefix, int depth);
};

} // namespace json
} // namespace te
