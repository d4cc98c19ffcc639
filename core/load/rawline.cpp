#include "load/rawline.h"

#include <QFile>
#include <algorithm>
#include <cstring>
#include <limits>

namespace te {

namespace {
constexpr qint64 kBlockBytes = qint64 { 64 } * 1024;
} // namespace

std::optional<QByteArray> readRawLine(const QString& path, qint64 line, qint64 maxBytes)
{
    if (line < 1 || maxBytes < 0)
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;

    // One byte beyond the cap is kept so that a '\r' cut off from its '\n' by the
    // cap is still recognised as part of the line end.
    const qint64 keep = maxBytes < std::numeric_limits<qint64>::max() ? maxBytes + 1 : maxBytes;
    QByteArray block(static_cast<qsizetype>(kBlockBytes), Qt::Uninitialized);
    QByteArray result;
    qint64 current = 1;
    bool inLine = false; // some bytes of the wanted line have been seen
    bool ended = false; // its '\n' (or the end of the file) was reached
    while (!ended) {
        const qint64 got = file.read(block.data(), kBlockBytes);
        if (got <= 0)
            break;
        const char* p = block.constData();
        const char* const end = p + got;
        while (p < end && current < line) {
            const auto* newline
                = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            if (!newline) {
                p = end;
                break;
            }
            p = newline + 1;
            ++current;
        }
        if (current < line || p == end)
            continue;
        inLine = true;
        const auto* newline
            = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* const stop = newline ? newline : end;
        const qint64 room = keep - result.size();
        result.append(p, static_cast<qsizetype>(std::min<qint64>(room, stop - p)));
        ended = newline != nullptr || result.size() >= keep;
    }
    if (file.error() != QFileDevice::NoError)
        return std::nullopt;
    if (!inLine && !ended) {
        // The file ended right after line `line - 1`'s newline (or before it).
        return std::nullopt;
    }
    if (result.size() < keep && result.endsWith('\r'))
        result.chop(1);
    result.truncate(static_cast<qsizetype>(maxBytes));
    return result;
}

} // namespace te
