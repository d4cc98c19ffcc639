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
        for (const std::string& field : m_fields)
            passThroughNodeOf(field);
    }
    nodeAt(path.trimmed())->wanted = true;
}

LoadProjection::MetricNode* LoadProjection::nodeAt(QString path)
{
    if (path == QStringLiteral("total"))
        return m_metrics.get();
    if (path.startsWith(QStringLiteral("total/")))
        path.remove(0, 6);
    MetricNode* node = m_metrics.get();
    for (const QString& segment : path.split(u'/', Qt::SkipEmptyParts)) {
        const std::string name = segment.toStdString();
        auto it = std::find_if(node->children.begin(), node->children.end(),
            [&](const MetricNode& c) { return c.name == name; });
        if (it == node->children.end()) {
            node->children.push_back(MetricNode { name, false, {} });
            it = node->children.end() - 1;
        }
        node = &*it;
    }
    return node;
}

void LoadProjection::passThroughNodeOf(const std::string& field)
{
    // "phase1/sub.status" is the field "status" of node phase1/sub (see
    // JsonlRecordParser): the node must be read for the field to be seen.
    const std::size_t dot = field.rfind('.');
    if (dot != std::string::npos && dot > 0)
        nodeAt(QString::fromStdString(field.substr(0, dot)));
}

void LoadProjection::keepField(const QString& name)
{
    m_fieldsRestricted = true;
    m_fields.push_back(name.trimmed().toStdString());
    if (m_metrics)
        passThroughNodeOf(m_fields.back());
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

bool LoadProjection::keepsFieldsOf(std::string_view name) const
{
    if (!m_fieldsRestricted)
        return true;
    return std::any_of(m_fields.begin(), m_fields.end(), [&](const std::string& field) {
        return field.size() > name.size() && field.compare(0, name.size(), name) == 0 && field[name.size()] == '.';
    });
}

} // namespace te
