{{- define "tutela.name" -}}{{ .Release.Name }}-portal{{- end -}}
{{- define "tutela.labels" -}}
app.kubernetes.io/name: tutela
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: portal
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}
{{- define "tutela.selector" -}}
app.kubernetes.io/name: tutela
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: portal
{{- end -}}
