#pragma once

// simdjson On-Demand helpers shared by the JSON Lines readers. Header-only, so
// they are compiled with the instruction set of the unit that includes them.

#include <QString>
#include <simdjson.h>
#include <string_view>

namespace te::json {

namespace od = simdjson::ondemand;

/// Our own recursion is bounded well below simdjson's depth limit.
inline constexpr int kMaxTimingDepth = 32;

inline QString describe(simdjson::error_code error)
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
inline simdjson::error_code keyOf(od::field& field, std::string_view& key)
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
inline simdjson::error_code stringOf(od::value& value, std::string_view& text)
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

// Whether `token` is a number by JSON's grammar, whatever its range:
// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
inline bool isJsonNumber(std::string_view token)
{
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < token.size() && token[i] >= '0' && token[i] <= '9')
            ++i;
        return i - start;
    };
    if (i < token.size() && token[i] == '-')
        ++i;
    const std::size_t integerStart = i;
    const std::size_t integerDigits = digits();
    if (integerDigits == 0 || (integerDigits > 1 && token[integerStart] == '0'))
        return false;
    if (i < token.size() && token[i] == '.') {
        ++i;
        if (digits() == 0)
            return false;
    }
    if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
        ++i;
        if (i < token.size() && (token[i] == '+' || token[i] == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == token.size();
}

/// `s` without the JSON whitespace (space, tab, CR, LF) at its end: a raw token as
/// simdjson hands it, which runs on to the next structural character.
inline std::string_view trimTrailingJsonWhitespace(std::string_view s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

} // namespace te::json
