local s = 0.0
for i = 0, 2999999 do s = s + i * i end
print(s)
