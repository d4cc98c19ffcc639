#include "load/src/textdecode.h"

namespace te::loader {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

void appendUtf8(QByteArray& out, char32_t c)
{
    if (c < 0x80) {
        out.append(static_cast<char>(c));
    } else if (c < 0x800) {
        out.append(static_cast<char>(0xC0 | (c >> 6)));
        out.append(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.append(static_cast<char>(0xE0 | (c >> 12)));
        out.append(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.append(static_cast<char>(0xF0 | (c >> 18)));
        out.append(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.append(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

// The code unit of `width` bytes at `at`, in the byte order `bigEndian` says.
char32_t unitAt(QByteArrayView bytes, qsizetype at, int width, bool bigEndian)
{
    char32_t unit = 0;
    for (int i = 0; i < width; ++i) {
        const auto byte = static_cast<unsigned char>(bytes[at + (bigEndian ? i : width - 1 - i)]);
        unit = (unit << 8) | byte;
    }
    return unit;
}

bool isHighSurrogate(char32_t u)
{
    return u >= 0xD800 && u <= 0xDBFF;
}

bool isLowSurrogate(char32_t u)
{
    return u >= 0xDC00 && u <= 0xDFFF;
}

} // namespace

TextEncoding encodingOfBom(QByteArrayView head)
{
    // UTF-32LE's mark starts like UTF-16LE's, so it is asked first.
    if (head.startsWith(QByteArrayView("\xFF\xFE\0\0", 4)))
        return TextEncoding::Utf32LE;
    if (head.startsWith(QByteArrayView("\0\0\xFE\xFF", 4)))
        return TextEncoding::Utf32BE;
    if (head.startsWith("\xFF\xFE"))
        return TextEncoding::Utf16LE;
    if (head.startsWith("\xFE\xFF"))
        return TextEncoding::Utf16BE;
    return TextEncoding::Utf8;
}

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case TextEncoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case TextEncoding::Utf32LE:
        return QStringLiteral("UTF-32LE");
    case TextEncoding::Utf32BE:
        return QStringLiteral("UTF-32BE");
    case TextEncoding::Utf8:
        break;
    }
    return {};
}

DecodedText decodeToUtf8(QByteArrayView bytes, TextEncoding encoding)
{
    const bool utf32 = encoding == TextEncoding::Utf32LE || encoding == TextEncoding::Utf32BE;
    const bool bigEndian = encoding == TextEncoding::Utf16BE || encoding == TextEncoding::Utf32BE;
    const int width = utf32 ? 4 : 2;
    DecodedText decoded;
    // Mostly ASCII: half the bytes of UTF-16, a quarter of UTF-32.
    decoded.utf8.reserve(bytes.size() / width + 16);
    qint64 line = 1;
    const auto bad = [&](qsizetype at, QString what) {
        if (decoded.badUnits.size() < kMaxBadUnitsTold)
            decoded.badUnits.push_back({ at, line, std::move(what) });
        ++decoded.badUnitCount;
        appendUtf8(decoded.utf8, kReplacement);
    };
    qsizetype at = width; // past the byte order mark
    while (at + width <= bytes.size()) {
        const char32_t unit = unitAt(bytes, at, width, bigEndian);
        if (utf32) {
            if (unit > 0x10FFFF || isHighSurrogate(unit) || isLowSurrogate(unit))
                bad(at,
                    QStringLiteral("U+%1 is no character")
                        .arg(static_cast<uint>(unit), 4, 16, QLatin1Char('0')));
            else
                appendUtf8(decoded.utf8, unit);
            at += width;
        } else if (isHighSurrogate(unit)) {
            const bool paired = at + 4 <= bytes.size() && isLowSurrogate(unitAt(bytes, at + 2, 2, bigEndian));
            if (paired) {
                const char32_t low = unitAt(bytes, at + 2, 2, bigEndian);
                appendUtf8(decoded.utf8, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                at += 4;
            } else {
                bad(at, QStringLiteral("a high surrogate with no low surrogate after it"));
                at += 2;
            }
        } else if (isLowSurrogate(unit)) {
            bad(at, QStringLiteral("a low surrogate with no high surrogate before it"));
            at += 2;
        } else {
            appendUtf8(decoded.utf8, unit);
            at += 2;
        }
        if (unit == '\n')
            ++line;
    }
    if (at < bytes.size())
        bad(at, QStringLiteral("the file ends inside a code unit"));
    return decoded;
}

} // namespace te::loader
