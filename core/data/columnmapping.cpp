#include "data/columnmapping.h"

#include <QFile>
#include <QFileInfo>
#include <nlohmann/json.hpp>

namespace te {

std::optional<ColumnMapping> ColumnMapping::parse(
    std::string_view json, const QString& fileName, QString* error)
{
    const auto fail = [&](const QString& reason) -> std::optional<ColumnMapping> {
        if (error)
            *error = fileName + QStringLiteral(": ") + reason;
        return std::nullopt;
    };
    // The depth limit keeps a hostile file from exhausting the stack.
    bool tooDeep = false;
    const auto limitDepth = [&](int d, nlohmann::json::parse_event_t event, nlohmann::json&) {
        if (event == nlohmann::json::parse_event_t::object_start
            || event == nlohmann::json::parse_event_t::array_start)
            tooDeep = tooDeep || d > 16;
        return !tooDeep;
    };
    const auto document = nlohmann::json::parse(json.begin(), json.end(), limitDepth, false);
    if (tooDeep)
        return fail(QStringLiteral("nested too deeply; expected {\"column\": \"node/path\"}"));
    if (document.is_discarded())
        return fail(QStringLiteral("not valid JSON; expected {\"column\": \"node/path\"}"));
    if (!document.is_object())
        return fail(QStringLiteral("expected a JSON object {\"column\": \"node/path\"}"));
    ColumnMapping mapping;
    for (const auto& [column, target] : document.items()) {
        if (!target.is_string())
            return fail(
                QStringLiteral("the target of \"%1\" must be a string such as \"phase1/agent_conversation\"")
                    .arg(QString::fromStdString(column)));
        const auto& path = target.get_ref<const std::string&>();
        if (path.empty() || path.front() == '/' || path.back() == '/' || path.find("//") != std::string::npos)
            return fail(QStringLiteral(
                "the target \"%1\" of \"%2\" is not a node path such as \"phase1/agent_conversation\"")
                            .arg(QString::fromStdString(path), QString::fromStdString(column)));
        mapping.m_targets.emplace(column, path);
    }
    return mapping;
}

std::optional<ColumnMapping> ColumnMapping::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": cannot read the mapping file: ") + file.errorString();
        return std::nullopt;
    }
    constexpr qint64 maxMappingSize = 1 << 20;
    if (file.size() > maxMappingSize) {
        if (error)
            *error = path + QStringLiteral(": a mapping file over 1 MiB is not a column mapping");
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    return parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), path, error);
}

const std::string* ColumnMapping::targetFor(std::string_view column) const
{
    const auto it = m_targets.find(column);
    return it == m_targets.end() ? nullptr : &it->second;
}

} // namespace te
