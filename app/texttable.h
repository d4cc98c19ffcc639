#pragma once

#include <QStringList>
#include <QTextStream>
#include <vector>

namespace te::cli {

/// Names wider than this many terminal columns are elided in the middle.
constexpr int kMaxNameColumns = 40;

/// Prints `rows` (the first is the header) as columns two spaces apart, aligned by
/// the width a terminal gives each cell, so CJK, emoji and right-to-left names line
/// up. The first `textColumns` columns are names: left-aligned and elided over
/// kMaxNameColumns. The others are figures: right-aligned, never cut.
void printAlignedTable(const std::vector<QStringList>& rows, qsizetype textColumns, QTextStream& out);

} // namespace te::cli
