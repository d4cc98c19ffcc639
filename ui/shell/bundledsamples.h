#pragma once

#include <QString>
#include <optional>

namespace te {

/// The files bundled as resources, one of each shape users bring: many runs of a
/// pipeline on several models, a small paired benchmark in which every
/// registration ran once on every model, and a history across commits.
enum class BundledSample
{
    Pipeline, ///< 400 runs on 6 models
    Paired, ///< 10 registrations × 3 models
    History, ///< 12 commits × 3 models, one of which gets slower at the 7th
};

/// The sample's resource path, which the loader opens like any file.
QString bundledSamplePath(BundledSample sample);
/// The sample a loaded path is, or nullopt for a user's file.
std::optional<BundledSample> bundledSampleAt(const QString& path);
/// What the title bar and the status bar call it, e.g. "Paired sample".
QString bundledSampleName(BundledSample sample);

} // namespace te
