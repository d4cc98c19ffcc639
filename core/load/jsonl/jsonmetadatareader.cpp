#include "load/jsonl/jsonmetadatareader.h"

#include "load/loadprojection.h"
#include "load/src/recorddraft.h"
#include "util/timestampparser.h"

#include <algorithm>
#include <span>

namespace te::json {

bool JsonMetadataReader::fail(simdjson::error_code error)
{
    draft->reject(describe(error));
    return false;
}

void JsonMetadataReader::warnDuplicateKeys(std::size_t first)
{
    const auto keys = std::span(keysSeen).subspan(first);
    const auto warn = [&](std::string_view key) {
        draft->warn(QStringLiteral("duplicate key \"%1\": the last value is used")
                        .arg(QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()))));
    };
    // Most objects have a few keys, compared pairwise; large ones are sorted.
    constexpr std::size_t kPairwiseKeys = 16;
    if (keys.size() <= kPairwiseKeys) {
        for (std::size_t i = 1; i < keys.size(); ++i) {
            const auto earlier = keys.first(i);
            // Told once, at its second appearance.
            if (std::count(earlier.begin(), earlier.end(), keys[i]) == 1)
                warn(keys[i]);
        }
    } else {
        keysSorted.assign(keys.begin(), keys.end());
        std::sort(keysSorted.begin(), keysSorted.end());
        for (std::size_t i = 1; i < keysSorted.size(); ++i) {
            if (keysSorted[i] == keysSorted[i - 1] && (i < 2 || keysSorted[i - 2] != keysSorted[i]))
                warn(keysSorted[i]);
        }
    }
    keysSeen.resize(first);
}

bool JsonMetadataReader::enterObject(od::value value, int depth, const char* what, od::object& object)
{
    if (depth > kMaxTimingDepth) {
        draft->reject(QStringLiteral("%1 nested more than %2 levels deep")
                          .arg(QLatin1String(what))
                          .arg(kMaxTimingDepth));
        return false;
    }
    if (auto e = value.get_object().get(object))
        return fail(e);
    return true;
}

bool JsonMetadataReader::checkScalar(od::value value, od::json_type type)
{
    switch (type) {
    case od::json_type::string: {
        std::string_view text;
        if (auto e = stringOf(value, text))
            return fail(e);
        return true;
    }
    case od::json_type::number:
        if (!isJsonNumber(trimTrailingJsonWhitespace(value.raw_json_token())))
            return fail(simdjson::NUMBER_ERROR);
        return true;
    case od::json_type::boolean: {
        bool flag = false;
        if (auto e = value.get_bool().get(flag))
            return fail(e);
        return true;
    }
    case od::json_type::null: {
        bool isNull = false;
        if (auto e = value.is_null().get(isNull))
            return fail(e);
        return isNull || fail(simdjson::N_ATOM_ERROR);
    }
    case od::json_type::array:
    case od::json_type::object:
        break;
    }
    return true;
}

bool JsonMetadataReader::skipBounded(od::value value, int depth)
{
    od::json_type type;
    if (auto e = value.type().get(type))
        return fail(e);
    if (type != od::json_type::array && type != od::json_type::object)
        return checkScalar(value, type);
    if (depth > kMaxTimingDepth) {
        draft->reject(QStringLiteral("JSON nested more than %1 levels deep").arg(kMaxTimingDepth));
        return false;
    }
    if (type == od::json_type::array)
        return forEachElement(
            value, [&](od::value element, od::json_type) { return skipBounded(element, depth + 1); });
    if (type == od::json_type::object) {
        od::object object;
        if (auto e = value.get_object().get(object))
            return fail(e);
        return forEachMember(object, [&](od::field& field, od::value member, od::json_type) {
            std::string_view key; // checked as a read key is: an invalid escape is malformed JSON
            if (auto e = keyOf(field, key))
                return fail(e);
            return skipBounded(member, depth + 1);
        });
    }
    return true;
}

bool JsonMetadataReader::joinArray(od::value value, std::string& out, int depth)
{
    out.clear();
    // The list sits one level below its owner, as when skipBounded(value, depth + 1)
    // skips it: a kept and a skipped list are bounded alike.
    if (depth + 1 > kMaxTimingDepth) {
        draft->reject(QStringLiteral("JSON nested more than %1 levels deep").arg(kMaxTimingDepth));
        return false;
    }
    return forEachElement(value, [&](od::value element, od::json_type type) {
        std::string_view text;
        if (type == od::json_type::string) {
            if (auto e = stringOf(element, text))
                return fail(e);
        } else if (type == od::json_type::number || type == od::json_type::boolean) {
            text = trimTrailingJsonWhitespace(element.raw_json_token());
            if (!checkScalar(element, type))
                return false;
        } else {
            // A nested structure inside a list is not shown, but its depth is checked.
            return skipBounded(element, depth + 2);
        }
        if (!out.empty())
            out += ", ";
        out += text;
        return true;
    });
}

bool JsonMetadataReader::metadata(std::string_view name, od::value value, od::json_type type, int depth)
{
    const LoadProjection* projection = draft->projection();
    const bool kept = !projection || name == "registration_id"
        || (type == od::json_type::object ? projection->keepsFieldsOf(name) : projection->keepsField(name));
    if (!kept) {
        // Not kept: not parsed either, though a structure's depth is still bounded.
        return skipBounded(value, depth + 1);
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
        const std::string_view text = trimTrailingJsonWhitespace(value.raw_json_token());
        if (!checkScalar(value, type))
            return false;
        if (name == "timestamp") {
            // A number out of double's range (1e800) is valid JSON, and no time: it
            // is kept as an unrecognised timestamp, as an unreadable string is. A
            // projected load, which skips the field, then keeps the line too.
            double seconds = 0;
            const bool inRange = value.get_double().get(seconds) == simdjson::SUCCESS;
            draft->addTimestamp(name, text, inRange ? timestampFromEpochSeconds(seconds) : std::nullopt);
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
        return checkScalar(value, type);
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

bool JsonMetadataReader::metadataObject(od::value value, const std::string& prefix, int depth)
{
    od::object object;
    if (!enterObject(value, depth, "metadata", object))
        return false;
    return forEachMember(object, [&](od::field& field, od::value member, od::json_type type) {
        std::string_view key;
        if (auto e = keyOf(field, key))
            return fail(e);
        return prefix.empty() ? metadata(key, member, type, depth)
                              : metadata(prefix + std::string(key), member, type, depth);
    });
}

} // namespace te::json
