# qcfg_embed_resources(TARGET <tgt> BASE_DIR <dir> FILES <relative paths...>)
# Compiles the files into <tgt> as a table of std::string_view, looked up by their path relative
# to BASE_DIR (see core/resources.h). Regenerated whenever one of the files changes, so the
# binaries carry their schema, presets and engine profiles and work from any directory.
set(_QCFG_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/EmbedResourcesScript.cmake")

function(qcfg_embed_resources)
    cmake_parse_arguments(ARG "" "TARGET;BASE_DIR" "FILES" ${ARGN})
    set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_resources.cpp")
    set(abs_files "")
    foreach(f IN LISTS ARG_FILES)
        list(APPEND abs_files "${ARG_BASE_DIR}/${f}")
    endforeach()
    string(REPLACE ";" "|" files_arg "${ARG_FILES}")
    add_custom_command(
        OUTPUT "${out}"
        COMMAND ${CMAKE_COMMAND} "-DBASE_DIR=${ARG_BASE_DIR}" "-DFILES=${files_arg}" "-DOUT=${out}"
                -P "${_QCFG_EMBED_SCRIPT}"
        DEPENDS ${abs_files} "${_QCFG_EMBED_SCRIPT}"
        COMMENT "Embedding ${ARG_TARGET} resources"
        VERBATIM)
    target_sources(${ARG_TARGET} PRIVATE "${out}")
endfunction()
