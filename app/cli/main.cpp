// SPDX-License-Identifier: Apache-2.0
// The `tributary` command line: parses nothing itself, hands the arguments to the command table.
#include <iostream>
#include <string>
#include <vector>

#include "command.h"

int main(int argc, char **argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    return tributary::cli::runCli(args, std::cout, std::cerr);
}
