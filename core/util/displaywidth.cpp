#include "util/displaywidth.h"

#include <QChar>
#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace te {

namespace {

constexpr char16_t kFirstStrongIsolate = 0x2068;
constexpr char16_t kPopDirectionalIsolate = 0x2069;

// The wide ranges of Unicode's East Asian Width property (W and F), merged into
// blocks, plus the emoji pictographs terminals draw two columns wide.
constexpr std::array<std::pair<char32_t, char32_t>, 20> kWideRanges { {
    { 0x1100, 0x115F }, // Hangul Jamo initials
    { 0x231A, 0x231B },
    { 0x2329, 0x232A },
    { 0x2E80, 0x303E }, // CJK radicals, punctuation
    { 0x3041, 0x33FF }, // kana, CJK compatibility
    { 0x3400, 0x4DBF }, // CJK extension A
    { 0x4E00, 0x9FFF }, // CJK unified ideographs
    { 0xA000, 0xA4CF }, // Yi
    { 0xAC00, 0xD7A3 }, // Hangul syllables
    { 0xF900, 0xFAFF }, // CJK compatibility ideographs
    { 0xFE10, 0xFE19 },
    { 0xFE30, 0xFE6F }, // CJK compatibility forms
    { 0xFF00, 0xFF60 }, // fullwidth forms
    { 0xFFE0, 0xFFE6 },
    { 0x1F300, 0x1F64F }, // pictographs, emoticons
    { 0x1F680, 0x1F6FF }, // transport and map symbols
    { 0x1F900, 0x1F9FF },
    { 0x1FA70, 0x1FAFF },
    { 0x20000, 0x2FFFD }, // CJK extensions B–F
    { 0x30000, 0x3FFFD },
} };

int codePointWidth(char32_t c)
{
    const auto category = QChar::category(c);
    if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing
        || category == QChar::Other_Format || category == QChar::Other_Control)
        return 0;
    for (const auto& [first, last] : kWideRanges) {
        if (c >= first && c <= last)
            return 2;
    }
    return 1;
}

/// One code point with its width and where it starts and ends in the UTF-16 text.
struct Glyph
{
    qsizetype begin;
    qsizetype end;
    int width;
};

std::vector<Glyph> glyphs(QStringView text)
{
    std::vector<Glyph> out;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype begin = i;
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        ++i;
        out.push_back({ begin, i, codePointWidth(c) });
    }
    return out;
}

bool hasRightToLeft(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        const auto direction = c.direction();
        return direction == QChar::DirR || direction == QChar::DirAL;
    });
}

} // namespace

int displayWidth(QStringView text)
{
    int width = 0;
    for (const Glyph& g : glyphs(text))
        width += g.width;
    return width;
}

QString elideMiddle(const QString& text, int maxWidth)
{
    if (displayWidth(text) <= maxWidth)
        return text;
    const std::vector<Glyph> all = glyphs(text);
    const int budget = std::max(0, maxWidth - 1); // the ellipsis takes one column
    const int headBudget = (budget + 1) / 2;
    // The head takes whole glyphs up to its budget, with the marks that follow them.
    std::size_t head = 0;
    int used = 0;
    while (head < all.size() && (all[head].width == 0 || used + all[head].width <= headBudget))
        used += all[head++].width;
    std::size_t tail = all.size();
    int tailUsed = 0;
    while (tail > head && tailUsed + all[tail - 1].width <= budget - used) {
        tailUsed += all[tail - 1].width;
        --tail;
    }
    while (tail < all.size() && all[tail].width == 0) // no mark without its base
        ++tail;
    const qsizetype headEnd = head == 0 ? 0 : all[head - 1].end;
    const qsizetype tailBegin = tail == all.size() ? text.size() : all[tail].begin;
    return text.left(headEnd) + QChar(0x2026) + text.mid(tailBegin);
}

QString padToWidth(const QString& text, int width, bool alignLeft)
{
    const QString cell
        = hasRightToLeft(text) ? QChar(kFirstStrongIsolate) + text + QChar(kPopDirectionalIsolate) : text;
    const QString padding(std::max(0, width - displayWidth(cell)), u' ');
    return alignLeft ? cell + padding : padding + cell;
}

} // namespace te
