#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>
#include <optional>

namespace te {

/// The bytes of line `line` (1-based) of the file at `path`, without its line end
/// ("\n" or "\r\n"), cut to at most `maxBytes`. To know whether a line was cut, ask
/// for one byte more than you mean to show.
///
/// Streams the file in blocks up to that line and stops there: it never holds more
/// than one block and `maxBytes` in memory, however long the file or the line. The
/// bytes are returned as they are (a BOM or invalid UTF-8 included). nullopt when
/// the file cannot be read, `line` < 1, or the file has fewer lines. Never writes.
std::optional<QByteArray> readRawLine(
    const QString& path, qint64 line, qint64 maxBytes = qint64 { 64 } * 1024);

} // namespace te
