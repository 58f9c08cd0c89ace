#!/usr/bin/env python3
"""Generates the evaluation service's shipped datasets and articles, deterministically and offline.

Source: Debian's dict-elements (/usr/share/dictd/elements.dict.dz, public domain) for the element facts; the arithmetic
word problems are generated from templates with a fixed seed. Run: python3 tools/datasets/generate.py
Output: services/LlmLab.Evaluation/Builtin/{general-knowledge,arithmetic,two-hop}.json and Builtin/articles/*.txt.
Re-running gives byte-identical files.
"""
import gzip, json, os, random, re, sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "services", "LlmLab.Evaluation", "Builtin")
SOURCE = "/usr/share/dictd/elements.dict.dz"


def read_elements():
    text = gzip.open(SOURCE, "rt", encoding="latin-1").read()
    elements = {}
    for block in re.split(r"\n\s*\n", text):
        lines = [l.rstrip() for l in block.strip().splitlines()]
        if len(lines) < 3:
            continue
        fields = {}
        description = []
        for line in lines[1:]:
            m = re.match(r"^(Symbol|Atomic number|Atomic weight):\s*(.+)$", line)
            if m:
                fields[m.group(1)] = m.group(2).strip()
            else:
                description.append(line.strip())
        if "Symbol" not in fields or "Atomic number" not in fields:
            continue
        try:
            number = int(fields["Atomic number"])
        except ValueError:
            continue
        name = lines[0].strip().lower()
        if not re.fullmatch(r"[a-z]+", name) or not 1 <= number <= 118 or number in elements:
            continue
        desc = re.sub(r"\s+", " ", " ".join(description)).replace("{", "").replace("}", "").strip()
        elements[number] = {"name": name, "symbol": fields["Symbol"], "number": number,
                            "weight": fields.get("Atomic weight", ""), "description": desc}
    return [elements[n] for n in sorted(elements)]


def title(e):
    return e["name"].capitalize()


def article(e):
    sentences = [f"{title(e)} is a chemical element.",
                 f"The chemical symbol of {e['name']} is {e['symbol']}.",
                 f"The atomic number of {e['name']} is {e['number']}."]
    if e["weight"]:
        sentences.append(f"The atomic weight of {e['name']} is {e['weight']}.")
    if e["description"]:
        sentences.append(e["description"])
    return " ".join(sentences)


def fact(e, kind):
    text = {"symbol": f"The chemical symbol of {e['name']} is {e['symbol']}.",
            "number": f"The atomic number of {e['name']} is {e['number']}."}[kind]
    return {"title": title(e), "text": text}


def general_knowledge(elements):
    items = []
    for e in elements:
        n = e["name"]
        items.append({"id": f"gk-symbol-{n}", "question": f"What is the chemical symbol of {n}?",
                      "answers": [e["symbol"]], "supporting_facts": [fact(e, "symbol")],
                      "metadata": {"kind": "symbol", "element": n}})
        items.append({"id": f"gk-name-{n}", "question": f"Which chemical element has the symbol {e['symbol']}?",
                      "answers": [n, title(e), f"{n} ({e['symbol']})"], "supporting_facts": [fact(e, "symbol")],
                      "metadata": {"kind": "name", "element": n}})
        items.append({"id": f"gk-number-{n}", "question": f"What is the atomic number of {n}?",
                      "answers": [str(e["number"])], "supporting_facts": [fact(e, "number")],
                      "metadata": {"kind": "number", "element": n}})
    return items


def two_hop(elements):
    by_number = {e["number"]: e for e in elements}
    items = []
    for e in elements:
        nxt = by_number.get(e["number"] + 1)
        if nxt:
            items.append({"id": f"th-next-{e['name']}",
                          "question": f"What is the chemical symbol of the element whose atomic number is one more than that of {e['name']}?",
                          "answers": [nxt["symbol"]], "supporting_facts": [fact(e, "number"), fact(nxt, "number"), fact(nxt, "symbol")],
                          "metadata": {"hops": 2, "bridge": nxt["name"]}})
    rng = random.Random(20261128)
    pairs = set()
    while len(pairs) < 60:
        a, b = rng.sample(elements, 2)
        pairs.add((a["number"], b["number"]))
    for na, nb in sorted(pairs):
        a, b = by_number[na], by_number[nb]
        items.append({"id": f"th-sum-{a['name']}-{b['name']}",
                      "question": f"What is the sum of the atomic numbers of {a['name']} and {b['name']}?",
                      "answers": [str(na + nb)], "supporting_facts": [fact(a, "number"), fact(b, "number")],
                      "metadata": {"hops": 2, "kind": "sum"}})
    return items


NAMES = ["Anna", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Keiko", "Liam"]
THINGS = ["apples", "books", "marbles", "stamps", "pencils", "cards", "shells", "coins"]


def arithmetic():
    rng = random.Random(42)
    items = []
    templates = [
        ("add", lambda a, b: a + b, "{p} has {a} {t} and gets {b} more. How many {t} does {p} have now?"),
        ("sub", lambda a, b: a - b, "{p} had {a} {t} and gave away {b}. How many {t} are left?"),
        ("mul", lambda a, b: a * b, "{p} buys {a} boxes with {b} {t} in each box. How many {t} is that in total?"),
        ("div", lambda a, b: a // b, "{p} shares {a} {t} equally among {b} friends. How many {t} does each friend get?"),
        ("two-step", None, "{p} has {a} {t}, buys {b} packs of {c} more, then loses {d}. How many {t} does {p} have?"),
    ]
    for i in range(120):
        kind, op, text = templates[i % len(templates)]
        p, t = rng.choice(NAMES), rng.choice(THINGS)
        if kind == "add":
            a, b = rng.randint(3, 500), rng.randint(2, 500)
            answer, expression = op(a, b), f"{a} + {b}"
        elif kind == "sub":
            a = rng.randint(20, 900); b = rng.randint(1, a - 1)
            answer, expression = op(a, b), f"{a} - {b}"
        elif kind == "mul":
            a, b = rng.randint(2, 40), rng.randint(2, 40)
            answer, expression = op(a, b), f"{a} * {b}"
        elif kind == "div":
            b = rng.randint(2, 12); a = b * rng.randint(2, 60)
            answer, expression = op(a, b), f"{a} / {b}"
        else:
            a, b, c = rng.randint(5, 100), rng.randint(2, 9), rng.randint(2, 20)
            d = rng.randint(1, a)
            answer, expression = a + b * c - d, f"{a} + {b} * {c} - {d}"
        question = text.format(p=p, t=t, a=a, b=b, c=locals().get("c", 0), d=locals().get("d", 0))
        items.append({"id": f"ar-{i + 1:03d}", "question": question, "answers": [str(answer)],
                      "metadata": {"kind": kind, "expression": expression}})
    return items


def write_json(name, dataset):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        json.dump(dataset, f, ensure_ascii=False, indent=1, sort_keys=False)
        f.write("\n")


def main():
    if not os.path.exists(SOURCE):
        sys.exit(f"{SOURCE} is missing: apt-get install dict-elements")
    elements = read_elements()
    os.makedirs(os.path.join(OUT, "articles"), exist_ok=True)
    write_json("general-knowledge.json", {"name": "general-knowledge", "description":
               "Chemical elements: symbols, names and atomic numbers, with answer aliases (from Debian's dict-elements).",
               "items": general_knowledge(elements)})
    write_json("arithmetic.json", {"name": "arithmetic", "description":
               "Arithmetic word problems with numeric answers (generated, seed 42).", "items": arithmetic()})
    write_json("two-hop.json", {"name": "two-hop", "description":
               "Questions needing two facts from two element articles (generated from dict-elements).",
               "items": two_hop(elements)})
    for e in elements:
        with open(os.path.join(OUT, "articles", f"{e['name']}.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(f"{title(e)}\n\n{article(e)}\n")
    print(f"{len(elements)} elements")


if __name__ == "__main__":
    main()
