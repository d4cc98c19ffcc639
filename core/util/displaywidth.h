#pragma once

#include <QString>
#include <QStringView>

namespace te {

/// The columns a terminal gives `text`: 2 for East Asian wide and fullwidth
/// characters and most emoji, 0 for combining marks, format characters (such as
/// bidirectional isolates) and controls, 1 for the rest. It follows wcwidth's
/// rules without depending on the C locale, so output aligns the same everywhere.
int displayWidth(QStringView text);

/// `text` cut to at most `maxWidth` columns by dropping its middle, where names
/// that share a prefix and a suffix differ least: "openai_gpt4o_…_2024_08_06".
/// Unchanged when it fits. Never splits a surrogate pair or a mark from its base.
QString elideMiddle(const QString& text, int maxWidth);

/// `text` padded with spaces to `width` columns, on the right (`alignLeft`) or on
/// the left. Text with right-to-left letters is wrapped in a first-strong isolate
/// (U+2068 … U+2069), so a terminal that reorders it keeps the padding in place.
QString padToWidth(const QString& text, int width, bool alignLeft);

} // namespace te
