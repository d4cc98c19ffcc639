#include "texttable.h"

#include "util/displaywidth.h"

#include <algorithm>

namespace te::cli {

void printAlignedTable(const std::vector<QStringList>& rows, qsizetype textColumns, QTextStream& out)
{
    if (rows.empty())
        return;
    std::vector<QStringList> cells = rows;
    for (QStringList& row : cells) {
        for (qsizetype c = 0; c < std::min(textColumns, row.size()); ++c)
            row[c] = elideMiddle(row[c], kMaxNameColumns);
    }
    std::vector<int> widths;
    for (const QStringList& row : cells) {
        widths.resize(std::max(widths.size(), static_cast<std::size_t>(row.size())), 0);
        for (qsizetype c = 0; c < row.size(); ++c) {
            int& width = widths[static_cast<std::size_t>(c)];
            width = std::max(width, displayWidth(row[c]));
        }
    }
    for (const QStringList& row : cells) {
        QStringList padded;
        for (qsizetype c = 0; c < row.size(); ++c)
            padded << padToWidth(row[c], widths[static_cast<std::size_t>(c)], c < textColumns);
        QString line = padded.join(QStringLiteral("  "));
        while (line.endsWith(u' ')) // no trailing blanks after a short last name
            line.chop(1);
        out << line << '\n';
    }
}

} // namespace te::cli
