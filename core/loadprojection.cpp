#include "loadprojection.h"

#include <algorithm>

namespace te {

const LoadProjection::MetricNode* LoadProjection::MetricNode::child(std::string_view childName) const
{
    const MetricNode* wildcard = nullptr;
    for (const MetricNode& c : children) {
        if (c.name == childName)
            return &c;
        if (c.name == "*")
            wildcard = &c;
    }
    return wildcard;
}

void LoadProjection::keepMetric(const QString& path)
{
    if (m_allMetricsForced)
        return;
    if (path.contains(QStringLiteral("(unaccounted)"))) {
        // The rest of a node is only known once every part of it is read.
        m_allMetricsForced = true;
        m_metrics.reset();
        return;
    }
    if (!m_metrics) {
        m_metrics = std::make_shared<MetricNode>();
        m_metrics->name = "total";
    }
    QString normalized = path.trimmed();
    if (normalized == QStringLiteral("total")) {
        m_metrics->wanted = true;
        return;
    }
    if (normalized.startsWith(QStringLiteral("total/")))
        normalized.remove(0, 6);
    MetricNode* node = m_metrics.get();
    for (const QString& segment : normalized.split(u'/', Qt::SkipEmptyParts)) {
        const std::string name = segment.toStdString();
        auto it = std::find_if(node->children.begin(), node->children.end(),
            [&](const MetricNode& c) { return c.name == name; });
        if (it == node->children.end()) {
            node->children.push_back(MetricNode { name, false, {} });
            it = node->children.end() - 1;
        }
        node = &*it;
    }
    node->wanted = true;
}

void LoadProjection::keepField(const QString& name)
{
    m_fieldsRestricted = true;
    m_fields.push_back(name.trimmed().toStdString());
}

void LoadProjection::keepFieldOrMetric(const QString& name)
{
    if (!keepsAllFields())
        keepField(name);
    if (m_metrics)
        keepMetric(name);
}

bool LoadProjection::keepsField(std::string_view name) const
{
    return !m_fieldsRestricted || std::find(m_fields.begin(), m_fields.end(), name) != m_fields.end();
}

} // namespace te
