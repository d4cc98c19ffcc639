#include "load/otlp/otlpanyvalue.h"

namespace te::loader::otlp {

namespace {

// Key-value lists inside key-value lists: deeper than this is no metadata anyone reads.
constexpr int kMaxKvlistDepth = 8;

using Json = nlohmann::json;

// A scalar AnyValue as text; nullopt for a list, a key-value list or an empty value.
std::optional<std::string> scalarText(const Json& anyValue)
{
    if (!anyValue.is_object())
        return std::nullopt;
    for (const auto& [kind, value] : anyValue.items()) {
        if (kind == "stringValue" || kind == "bytesValue" || kind == "intValue" || kind == "doubleValue"
            || kind == "boolValue") {
            if (value.is_string())
                return value.get<std::string>();
            if (value.is_number() || value.is_boolean())
                return value.dump();
        }
    }
    return std::nullopt;
}

const Json* listValues(const Json& anyValue, const char* kind)
{
    if (!anyValue.is_object())
        return nullptr;
    const auto list = anyValue.find(kind);
    if (list == anyValue.end() || !list->is_object())
        return nullptr;
    const auto values = list->find("values");
    return values != list->end() && values->is_array() ? &*values : nullptr;
}

void appendKeyValues(
    const Json& keyValues, const std::string& prefix, int depth, std::vector<Attribute>& out);

void appendValue(const std::string& key, const Json& anyValue, int depth, std::vector<Attribute>& out)
{
    if (auto text = scalarText(anyValue)) {
        out.push_back({ key, std::move(*text) });
    } else if (const Json* elements = listValues(anyValue, "arrayValue")) {
        std::string joined;
        for (const Json& element : *elements) {
            if (auto part = scalarText(element)) {
                if (!joined.empty())
                    joined += ", ";
                joined += *part;
            }
        }
        out.push_back({ key, std::move(joined) });
    } else if (const Json* members = listValues(anyValue, "kvlistValue");
               members && depth < kMaxKvlistDepth) {
        appendKeyValues(*members, key + '.', depth + 1, out);
    }
}

void appendKeyValues(const Json& keyValues, const std::string& prefix, int depth, std::vector<Attribute>& out)
{
    if (!keyValues.is_array())
        return;
    for (const Json& keyValue : keyValues) {
        if (!keyValue.is_object())
            continue;
        const auto key = keyValue.find("key");
        const auto value = keyValue.find("value");
        if (key == keyValue.end() || !key->is_string() || value == keyValue.end())
            continue;
        appendValue(prefix + key->get<std::string>(), *value, depth, out);
    }
}

} // namespace

void appendAttributes(const nlohmann::json& keyValues, std::vector<Attribute>& out)
{
    appendKeyValues(keyValues, std::string(), 0, out);
}

} // namespace te::loader::otlp
