#pragma once

#include <QString>

#include <string_view>

namespace quantcfg::ui {

/// Translated label of the field at @p pointer ("/quantization/weight_bits" → "Weight bits").
/// Fields the studio has no label for (a newer schema) get their key with '_' turned into spaces.
QString fieldLabel(std::string_view pointer);

/// Translated title of the form group for the top-level key @p key ("kv_cache" → "KV cache").
/// The empty key is the group of top-level free-text fields ("General").
QString sectionTitle(std::string_view key);

/// Position of the section @p key in the form, or -1 for a section the studio does not know (the
/// form puts those last, in schema order).
int sectionRank(std::string_view key);

} // namespace quantcfg::ui
