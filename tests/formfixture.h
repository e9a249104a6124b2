#pragma once

// The state owners as the main window has them, and the configuration form over them: what the
// form's and the Method list's tests start from.

#include "core/presets.h"
#include "core/schema.h"
#include "ui/config/configform.h"
#include "ui/state/configanalysis.h"
#include "ui/state/configdocument.h"
#include "ui/state/studiosession.h"

#include "studiotestutil.h"

struct FormFixture
{
    quantcfg::ui::ConfigDocument document;
    quantcfg::ui::StudioSession session;
    quantcfg::ui::ConfigAnalysis analysis{&document, &session};
    quantcfg::ui::ConfigForm form{&document, &analysis, quantcfg::Schema::unifiedConfig()};

    FormFixture() { document.reset(quantcfg::builtInPresets().front().document); }
    // The editor of the field at @p pointer: the form names each editor by its pointer.
    template<typename W>
    W *editor(const char *pointer)
    {
        return studiotest::child<W>(&form, pointer);
    }
};
