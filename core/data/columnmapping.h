#pragma once

#include <QString>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace te {

/// A user's `--mapping FILE`: a JSON object {"column": "node/path", ...} that puts
/// columns of a legacy CSV (or keys of flat JSONL) into the timing tree.
/// A column's unit still comes from its suffix (`_ms` is converted to seconds).
class ColumnMapping
{
public:
    /// Parses the mapping text. On failure returns nullopt and sets `error` to a
    /// message naming `fileName` and the reason; never throws.
    static std::optional<ColumnMapping> parse(std::string_view json, const QString& fileName, QString* error);
    /// Reads and parses a mapping file (small by nature; read whole).
    static std::optional<ColumnMapping> load(const QString& path, QString* error);

    const std::string* targetFor(std::string_view column) const;
    bool isEmpty() const { return m_targets.empty(); }

private:
    std::map<std::string, std::string, std::less<>> m_targets;
};

} // namespace te
