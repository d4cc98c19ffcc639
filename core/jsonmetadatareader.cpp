#include "jsonmetadatareader.h"

#include "loadprojection.h"
#include "recorddraft.h"
#include "timestampparser.h"

namespace te::json {

bool JsonMetadataReader::fail(simdjson::error_code error)
{
    draft->reject(describe(error));
    return false;
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

bool JsonMetadataReader::skipBounded(od::value value, int depth)
{
    if (depth > kMaxTimingDepth) {
        draft->reject(QStringLiteral("JSON nested more than %1 levels deep").arg(kMaxTimingDepth));
        return false;
    }
    od::json_type type;
    if (auto e = value.type().get(type))
        return fail(e);
    if (type == od::json_type::array)
        return forEachElement(
            value, [&](od::value element, od::json_type) { return skipBounded(element, depth + 1); });
    if (type == od::json_type::object) {
        od::object object;
        if (auto e = value.get_object().get(object))
            return fail(e);
        return forEachMember(object,
            [&](od::field&, od::value member, od::json_type) { return skipBounded(member, depth + 1); });
    }
    return true;
}

bool JsonMetadataReader::joinArray(od::value value, std::string& out, int depth)
{
    out.clear();
    return forEachElement(value, [&](od::value element, od::json_type type) {
        std::string_view text;
        if (type == od::json_type::string) {
            if (auto e = stringOf(element, text))
                return fail(e);
        } else if (type == od::json_type::number || type == od::json_type::boolean) {
            text = trimmed(element.raw_json_token());
        } else {
            // A nested structure inside a list is not shown, but its depth is checked.
            return skipBounded(element, depth + 1);
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
