#include "flamecommand.h"

#include "export/flamejson.h"
#include "export/safewrite.h"
#include "stats/flamegroups.h"
#include "ui/flame/flamerender.h"
#include "util/durationformat.h"

#include <QIODevice>
#include <QRegularExpression>

namespace te::cli {

namespace {

/// What one flame command writes: a JSON document, or the graphs of a picture.
struct FlameOutput
{
    std::string json;
    std::vector<FlamePicture> pictures;
};

bool writeOutput(
    const FlameOutput& output, const QString& path, QSize size, const QStringList& inputs, QString* error)
{
    const bool asJson = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive);
    return writeSafely(
        path, inputs,
        [&](QIODevice& device, QString* reason) {
            if (!asJson)
                return renderFlamePictures(output.pictures, device, pictureFormatOf(path), size, reason);
            return writeAllBytes(device, output.json, reason);
        },
        error);
}

const GroupFlame* groupNamed(const GroupFlames& flames, const QString& name)
{
    for (const GroupFlame& group : flames.groups) {
        if (group.label == name)
            return &group;
    }
    return nullptr;
}

QString groupNames(const GroupFlames& flames)
{
    QStringList names;
    for (const GroupFlame& group : flames.groups)
        names << group.label;
    return names.join(QStringLiteral(", "));
}

/// --a and --b: the difference of B against A, on their mean trees.
std::optional<FlameOutput> difference(
    const GroupFlames& flames, const QString& a, const QString& b, Streams& io)
{
    const GroupFlame* groupA = groupNamed(flames, a);
    const GroupFlame* groupB = groupNamed(flames, b);
    if (!groupA || !groupB) {
        io.err << "error: no group \"" << (groupA ? b : a) << "\"; the groups are " << groupNames(flames)
               << '\n';
        return std::nullopt;
    }
    const FlameDiffNode diff = flameDifference(groupA->root, groupB->root);
    FlameOutput output;
    output.json = flameDifferenceToJson(a, groupA->n, b, groupB->n, diff);
    output.pictures.push_back(
        { QStringLiteral("%1 against %2: widths are %1's means; red slower, blue faster").arg(b, a),
            FlameGraphData::fromDifference(diff, a, b) });
    return output;
}

FlameOutput groupTrees(const GroupFlames& flames, bool medians)
{
    FlameOutput output;
    std::vector<FlameGroup> groups;
    for (const GroupFlame& group : flames.groups) {
        groups.push_back({ group.label, group.n, &group.root });
        output.pictures.push_back({ flameGroupTitle(group.label, group.n, group.root.seconds, medians),
            FlameGraphData::fromTree(group.root, medians) });
    }
    output.json = flameTreesToJson(groups, medians);
    return output;
}

} // namespace

void addFlameOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("a"), QStringLiteral("Flame: the group B is compared against."),
        QStringLiteral("GROUP") });
    parser.addOption({ QStringLiteral("b"), QStringLiteral("Flame: the group compared with A."),
        QStringLiteral("GROUP") });
    parser.addOption(
        { QStringLiteral("median"), QStringLiteral("Flame: each node's median instead of its mean.") });
}

int runFlameChart(const QCommandLineParser& parser, Streams& io)
{
    const QString path = parser.value(QStringLiteral("output"));
    if (!path.contains(QRegularExpression(
            QStringLiteral("\\.(png|svg|json)$"), QRegularExpression::CaseInsensitiveOption))) {
        io.err << "error: -o OUT.png, OUT.svg or OUT.json is required\n";
        return BadUsage;
    }
    const QString a = parser.value(QStringLiteral("a"));
    const QString b = parser.value(QStringLiteral("b"));
    if (a.isEmpty() != b.isEmpty()) {
        io.err << "error: a difference needs both --a and --b\n";
        return BadUsage;
    }
    const auto pixels = pictureSize(parser, io);
    if (!pixels)
        return BadUsage;
    const auto loaded = loadInputs(parser, io, false);
    if (!loaded)
        return BadUsage;
    const auto runs = filteredRuns(parser, loaded->dataset, io);
    if (!runs)
        return BadUsage;
    if (runs->empty()) {
        io.err << "error: no runs to draw\n";
        return Failure;
    }
    const bool medians = parser.isSet(QStringLiteral("median"));
    const GroupFlames flames
        = computeGroupFlames(loaded->dataset, *runs, splitList({ parser.value(QStringLiteral("group-by")) }),
            a.isEmpty() && medians ? FlameSummary::Median : FlameSummary::Mean);
    if (!flames.error.isEmpty()) {
        io.err << "error: " << flames.error << '\n';
        return BadUsage;
    }
    std::optional<FlameOutput> output;
    if (!a.isEmpty())
        output = difference(flames, a, b, io);
    else
        output = groupTrees(flames, medians && runs->size() > 1);
    if (!output)
        return BadUsage;
    if (runs->size() == 1 && output->pictures.size() == 1) // one run: its own tree, named by its registration
        output->pictures.front().title
            = QStringLiteral("run %1: %2")
                  .arg(loaded->dataset.fieldValue(runs->front(), TimingDataset::RegistrationId),
                      formatDuration(flames.groups.front().root.seconds));
    QString error;
    if (!writeOutput(*output, path, *pixels, inputFiles(parser), &error)) {
        io.err << "error: " << error << '\n';
        return Failure;
    }
    io.err << "wrote " << path << " (" << flames.groups.size() << " groups";
    if (flames.omittedGroups > 0)
        io.err << ", " << flames.omittedGroups << " smaller ones left out";
    io.err << ")\n";
    return Ok;
}

} // namespace te::cli
