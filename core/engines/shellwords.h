#pragma once

#include "core/diagnostic.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quantcfg {

/// One simple command of a shell script: leading NAME=value assignments, then its words.
struct ShellCommand
{
    std::vector<std::pair<std::string, std::string>> env;
    std::vector<std::string> argv;
    /// Parallel to argv: true where the word holds a $VAR, ${VAR}, $(…) or `…` expansion, so its
    /// value is known only when the shell runs it. The word's text keeps the expansion as written.
    std::vector<bool> expanded;
    /// What ended the command: "|", "||", "&&", ";", "&", "\n", or "" at the end of the text.
    std::string terminator;
    int line = 1; ///< 1-based line the command starts on
};

/// A shell script read the way `sh` reads it, without running or expanding anything.
struct ShellScript
{
    std::vector<ShellCommand> commands; ///< in order; commands with neither words nor assignments are left out
    /// Text the shell would run elsewhere: the inside of $(…) and `…`, and here-document bodies.
    /// A wrapper may hide the engine command there (cmd=$(cat <<EOF … EOF)).
    std::vector<std::string> nested;
    /// "lint.shell-syntax" (error) for an unterminated quote or substitution;
    /// "lint.shell-continuation" (warning) where a line break that is not escaped (a '\' followed
    /// by spaces or a comment) splits options that were meant to continue the command: they are
    /// read as one command, as the author meant, and the warning says where the shell would cut.
    Diagnostics diagnostics;
};

/// Reads @p text as a POSIX shell would: quotes, backslashes, line continuations, comments,
/// pipes and lists (| || && ; & and newlines end a command), redirections (dropped, with their
/// target), NAME=value prefixes and expansions (kept literal, marked in ShellCommand::expanded).
/// PowerShell's backtick line continuation is accepted too.
ShellScript parseShellScript(std::string_view text);

/// A command line split into words the way a POSIX shell would (quotes, backslashes, line
/// continuations), with leading NAME=value assignments separated out.
struct ShellWords
{
    std::vector<std::pair<std::string, std::string>> env;
    std::vector<std::string> argv;
    std::vector<bool> expanded; ///< parallel to argv, see ShellCommand::expanded
    Diagnostics diagnostics;    ///< see ShellScript::diagnostics
};

/// The first command of parseShellScript(@p text) (a leading `env` word is skipped): what a
/// single command line means. Nothing is expanded ($VAR stays literal).
ShellWords splitShellWords(std::string_view text);

/// True for a word of the form NAME=value with a valid shell name.
bool isShellAssignment(std::string_view word);

} // namespace quantcfg
