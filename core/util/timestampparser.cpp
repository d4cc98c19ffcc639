#include "util/timestampparser.h"

#include <cmath>

namespace te {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

struct Cursor
{
    std::string_view text;
    std::size_t pos = 0;

    bool atEnd() const { return pos >= text.size(); }
    char peek() const { return atEnd() ? '\0' : text[pos]; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++pos;
        return true;
    }
    // Exactly `count` digits.
    std::optional<int> digits(int count)
    {
        int value = 0;
        for (int i = 0; i < count; ++i) {
            const char c = peek();
            if (c < '0' || c > '9')
                return std::nullopt;
            value = value * 10 + (c - '0');
            ++pos;
        }
        return value;
    }
};

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m)
{
    static constexpr int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

std::optional<qint64> parseEpoch(std::string_view text)
{
    // Plain digits with an optional fraction; 9 to 11 integer digits cover 1973..5138,
    // so short numbers such as "2025" are not mistaken for epochs. The digits are
    // counted before they are summed: twenty of them would overflow.
    std::size_t i = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        ++i;
    if (i < 9 || i > 11)
        return std::nullopt;
    qint64 whole = 0;
    for (const char digit : text.substr(0, i))
        whole = whole * 10 + (digit - '0');
    qint64 ms = whole * 1000;
    if (i < text.size()) {
        if (text[i] != '.')
            return std::nullopt;
        ++i;
        qint64 scale = 100;
        const std::size_t fractionStart = i;
        for (; i < text.size(); ++i) {
            if (text[i] < '0' || text[i] > '9')
                return std::nullopt;
            ms += (text[i] - '0') * scale;
            scale /= 10;
        }
        if (i == fractionStart)
            return std::nullopt;
    }
    return ms;
}

} // namespace

std::optional<qint64> parseTimestamp(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.size() < 10)
        return std::nullopt;
    if (text[4] != '-')
        return parseEpoch(text);

    Cursor c { text };
    const auto year = c.digits(4);
    if (!year || !c.take('-'))
        return std::nullopt;
    const auto month = c.digits(2);
    if (!month || !c.take('-'))
        return std::nullopt;
    const auto day = c.digits(2);
    if (!day || *month < 1 || *month > 12 || *day < 1 || *day > daysInMonth(*year, *month))
        return std::nullopt;
    qint64 ms = daysFromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)) * 86400000;
    if (c.atEnd())
        return ms;
    if (!c.take('T') && !c.take(' ') && !c.take('t'))
        return std::nullopt;

    const auto hour = c.digits(2);
    if (!hour || !c.take(':'))
        return std::nullopt;
    const auto minute = c.digits(2);
    if (!minute || *hour > 23 || *minute > 59)
        return std::nullopt;
    int second = 0;
    if (c.take(':')) {
        const auto s = c.digits(2);
        if (!s || *s > 60) // 60: a leap second, folded into the next minute
            return std::nullopt;
        second = *s;
    }
    ms += (*hour * 3600LL + *minute * 60LL + second) * 1000;
    if (c.take('.') || c.take(',')) {
        qint64 scale = 100;
        const std::size_t start = c.pos;
        while (!c.atEnd() && c.peek() >= '0' && c.peek() <= '9') {
            ms += (c.peek() - '0') * scale;
            scale /= 10;
            ++c.pos;
        }
        if (c.pos == start)
            return std::nullopt;
    }
    if (c.atEnd() || c.take('Z') || c.take('z'))
        return c.atEnd() ? std::optional<qint64>(ms) : std::nullopt;

    const char sign = c.peek();
    if (sign != '+' && sign != '-')
        return std::nullopt;
    ++c.pos;
    const auto offsetHours = c.digits(2);
    if (!offsetHours)
        return std::nullopt;
    c.take(':');
    int offsetMinutes = 0;
    if (!c.atEnd()) {
        const auto m = c.digits(2);
        if (!m)
            return std::nullopt;
        offsetMinutes = *m;
    }
    if (!c.atEnd() || *offsetHours > 23 || offsetMinutes > 59)
        return std::nullopt;
    const qint64 offsetMs = (*offsetHours * 60LL + offsetMinutes) * 60000;
    return sign == '+' ? ms - offsetMs : ms + offsetMs;
}

std::optional<qint64> timestampFromEpochSeconds(double seconds)
{
    if (!std::isfinite(seconds) || std::fabs(seconds) > 1e16)
        return std::nullopt;
    // 1e11 seconds is the year 5138: larger numbers are epoch milliseconds.
    if (std::fabs(seconds) >= 1e11)
        return static_cast<qint64>(std::llround(seconds));
    return static_cast<qint64>(std::llround(seconds * 1000.0));
}

} // namespace te
