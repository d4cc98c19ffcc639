#pragma once

// Internal to the loader: UTF-16 and UTF-32 text, told by its byte order mark, made
// UTF-8 before any reader sees it (Excel's "Unicode Text" is UTF-16LE).

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <vector>

namespace te::loader {

enum class TextEncoding
{
    Utf8, ///< or no byte order mark at all: read as it is
    Utf16LE,
    Utf16BE,
    Utf32LE,
    Utf32BE
};

/// The encoding the byte order mark at the start of `head` names; Utf8 without one.
TextEncoding encodingOfBom(QByteArrayView head);
/// "UTF-16LE", ...; empty for Utf8.
QString encodingName(TextEncoding encoding);

struct DecodedText
{
    QByteArray utf8; ///< without the byte order mark
    /// A code unit that encodes no character (a lone surrogate, a value past
    /// U+10FFFF, bytes cut short at the end): read as U+FFFD.
    struct BadUnit
    {
        qint64 offset = 0; ///< of its first byte in the input
        qint64 line = 0; ///< from 1
        QString what;
    };
    std::vector<BadUnit> badUnits; ///< the first kMaxBadUnitsTold of them
    qint64 badUnitCount = 0;
};

inline constexpr std::size_t kMaxBadUnitsTold = 100;

/// `bytes`, which start with the byte order mark of `encoding` (not Utf8), as UTF-8.
/// Throws std::bad_alloc when the text does not fit in memory.
DecodedText decodeToUtf8(QByteArrayView bytes, TextEncoding encoding);

} // namespace te::loader
