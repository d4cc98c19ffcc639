#!/usr/bin/env python3
"""Checks that includes and links only go down the layers of tools/layers.txt.

Usage: check_layers.py [--root DIR]   check the tree at DIR (default: this repo)
       check_layers.py --self-test    plant an upward include, a private include and
                                      an upward link in a copy of the tree, and
                                      require each to be reported
Prints one line per violation, naming the file, the line and the rule; exits 1
when there is any, 2 when the table itself is wrong (an unknown folder, a cycle).
"""
import os
import re
import shutil
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
LINK = re.compile(r'\b(te_ui_[a-z]+|te_[a-z]+)\b')
SOURCE_ROOTS = ('core', 'ui', 'app')


def read_table(root):
    table = {}
    with open(os.path.join(root, 'tools', 'layers.txt'), encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            words = line.split('#', 1)[0].split()
            if not words:
                continue
            table[words[0]] = [w for w in words[1:] if w != '-']
    for folder, uses in table.items():
        for used in uses:
            if used not in table:
                sys.exit(f'tools/layers.txt: {folder} uses {used}, which is not in the table')
    return table


def closure(table):
    """Every folder each folder may use, directly or through another."""
    below = {}

    def visit(folder, path):
        if folder in path:
            sys.exit('tools/layers.txt: cycle ' + ' -> '.join(path + [folder]))
        if folder not in below:
            reach = set()
            for used in table[folder]:
                reach |= {used} | visit(used, path + [folder])
            below[folder] = reach
        return below[folder]

    for folder in table:
        visit(folder, [])
    return below


def folder_of_file(relpath, table):
    """The table folder a source file belongs to, or None."""
    parts = relpath.split('/')
    for depth in (2, 1):
        candidate = '/'.join(parts[:depth])
        if candidate in table and len(parts) > depth:
            return candidate
    return None


def target_of_include(spelled, own, table):
    """(folder, is_private) of an include as written, or None for a system or local one."""
    parts = spelled.split('/')
    if parts[0] == 'ui' and len(parts) >= 3:
        folder, rest = 'ui/' + parts[1], parts[2:]
    elif 'core/' + parts[0] in table and len(parts) >= 2:
        folder, rest = 'core/' + parts[0], parts[1:]
    else:
        return None  # a header beside the including file (app/), or not ours
    return folder, len(rest) > 1


def library_folder(name):
    if name.startswith('te_ui_'):
        return 'ui/' + name[len('te_ui_'):]
    return 'core/' + name[len('te_'):]


def check(root):
    table = read_table(root)
    below = closure(table)
    problems = []
    for top in SOURCE_ROOTS:
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root).replace(os.sep, '/')
                own = folder_of_file(rel, table)
                if own is None:
                    continue
                allowed = below[own] | {own}
                with open(path, encoding='utf-8', errors='replace') as f:
                    lines = f.readlines()
                if name == 'CMakeLists.txt':
                    for number, line in enumerate(lines, 1):
                        for lib in LINK.findall(line.split('#', 1)[0]):
                            folder = library_folder(lib)
                            if folder in table and folder not in allowed:
                                problems.append(f'{rel}:{number}: links {lib}, but {own} may not use {folder}')
                    continue
                if not name.endswith(('.h', '.cpp')):
                    continue
                for number, line in enumerate(lines, 1):
                    match = INCLUDE.match(line)
                    if not match:
                        continue
                    target = target_of_include(match.group(1), own, table)
                    if target is None:
                        continue
                    folder, private = target
                    if folder not in allowed:
                        problems.append(f'{rel}:{number}: includes "{match.group(1)}", '
                                        f'but {own} may not use {folder} (tools/layers.txt)')
                    elif private and folder != own:
                        problems.append(f'{rel}:{number}: includes "{match.group(1)}", '
                                        f'a private header of {folder}')
    return problems


def self_test(root):
    plants = [
        ('core/util/durationformat.cpp', '#include "models/runtablemodel.h"\n', 'may not use core/models'),
        ('ui/runs/problemsdock.cpp', '#include "load/src/loadpart.h"\n', 'a private header of core/load'),
        ('core/data/CMakeLists.txt', 'target_link_libraries(te_data PUBLIC te_stats)\n', 'links te_stats'),
    ]
    failures = 0
    for path, line, expected in plants:
        with tempfile.TemporaryDirectory() as scratch:
            for top in SOURCE_ROOTS + ('tools',):
                shutil.copytree(os.path.join(root, top), os.path.join(scratch, top),
                                ignore=shutil.ignore_patterns('build*', '*.o'))
            with open(os.path.join(scratch, path), 'a', encoding='utf-8') as f:
                f.write(line)
            found = [p for p in check(scratch) if p.startswith(path) and expected in p]
            print(('ok    ' if found else 'MISSED') + f' {path}: {line.strip()}')
            failures += not found
    if check(root):
        print('the tree itself has violations; run without --self-test')
        failures += 1
    return 1 if failures else 0


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    args = sys.argv[1:]
    if args[:1] == ['--self-test']:
        return self_test(root)
    if args[:1] == ['--root'] and len(args) == 2:
        root = args[1]
    problems = check(root)
    for problem in problems:
        print(problem)
    print(f'{len(problems)} layer violations' if problems else 'layers: no include or link runs up a layer')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
