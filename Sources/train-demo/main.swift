// train-demo: the README's main job (under construction: issue 3).

print("train-demo is not written yet")
