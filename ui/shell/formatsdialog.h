#pragma once

#include <QDialog>
#include <vector>

class QPalette;

namespace te {

/// Help > Input Formats: every input shape the loader accepts, each with a
/// one-line example, and the rules they share (units, derived totals, bad lines).
class FormatsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit FormatsDialog(QWidget* parent = nullptr);

    /// One accepted shape and a complete example of it. Tests load every example,
    /// so the page cannot show a shape the loader does not read.
    struct Example
    {
        QString title;
        QString description; ///< rich text
        QString text; ///< the file's content
        QString fileSuffix; ///< "jsonl", "json", "csv", "txt"
        bool isMapping = false; ///< a --mapping file, not timings
        bool utf16 = false; ///< the file is UTF-16LE with a byte order mark (Excel's "Unicode Text")
    };
    static std::vector<Example> examples();
    /// The page: the examples on the palette's alternate base, then the rules. The
    /// examples keep their indentation; a tab shows as four spaces.
    static QString html(const QPalette& palette);
};

} // namespace te
