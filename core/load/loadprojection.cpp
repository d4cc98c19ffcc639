#include "load/loadprojection.h"

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
    addPath(path.trimmed(), true);
}

namespace {
using MetricNode = LoadProjection::MetricNode;

MetricNode* namedChild(MetricNode& node, std::string_view name)
{
    const auto it = std::find_if(
        node.children.begin(), node.children.end(), [&](const MetricNode& c) { return c.name == name; });
    return it == node.children.end() ? nullptr : &*it;
}

// Puts the path segments[i...] under `node` on the tree, marking its end wanted when
// `wanted`. MetricNode::child prefers a named child to "*", so a named child must
// stand for "*" too: it is made a copy of its "*" sibling, and a path through "*"
// is also put under every named sibling.
void addSegments(MetricNode& node, const QStringList& segments, qsizetype i, bool wanted)
{
    if (i == segments.size()) {
        node.wanted = node.wanted || wanted;
        return;
    }
    const std::string name = segments[i].toStdString();
    if (name == "*") {
        for (MetricNode& sibling : node.children) {
            if (sibling.name != "*")
                addSegments(sibling, segments, i + 1, wanted);
        }
    }
    MetricNode* child = namedChild(node, name);
    if (!child) {
        MetricNode added { name, false, {} };
        if (const MetricNode* wildcard = namedChild(node, "*"); wildcard && name != "*") {
            added = *wildcard;
            added.name = name;
        }
        node.children.push_back(std::move(added));
        child = &node.children.back();
    }
    addSegments(*child, segments, i + 1, wanted);
}
} // namespace

void LoadProjection::addPath(QString path, bool wanted)
{
    if (path.startsWith(QStringLiteral("total/")))
        path.remove(0, 6);
    else if (path == QStringLiteral("total"))
        path.clear();
    addSegments(*m_metrics, path.split(u'/', Qt::SkipEmptyParts), 0, wanted);
}

void LoadProjection::passThroughNodeOf(const std::string& field)
{
    // "phase1/sub.status" is the field "status" of node phase1/sub (see
    // JsonlRecordParser): the node must be read for the field to be seen. A key may
    // hold dots too ("phase1.cfg.mode" is key "cfg.mode" of phase1), so the node is
    // any prefix before a dot after the last '/'; passing through more nodes than
    // needed costs only time.
    const std::size_t lastSlash = field.rfind('/');
    for (std::size_t dot = field.find('.', lastSlash == std::string::npos ? 0 : lastSlash);
         dot != std::string::npos; dot = field.find('.', dot + 1)) {
        if (dot > 0)
            addPath(QString::fromStdString(field.substr(0, dot)), false);
    }
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
        return field.size() > name.size() && field.compare(0, name.size(), name) == 0
            && field[name.size()] == '.';
    });
}

} // namespace te
